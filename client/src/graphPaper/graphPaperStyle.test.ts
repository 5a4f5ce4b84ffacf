import { describe, expect, it } from 'vitest';
import { graphPaperStyle } from './graphPaperStyle.js';

describe('graphPaperStyle', () => {
  it('tiles major over minor squares at the editor’s spacing for the camera, from the same origin', () => {
    const style = graphPaperStyle({ x: -3, y: 0, z: 1 });
    expect(style.backgroundSize).toBe('50px 50px, 50px 50px, 10px 10px, 10px 10px');
    expect(style.backgroundPosition.split(', ')).toEqual(Array(4).fill('47px 0px'));
    expect(style.backgroundImage.match(/linear-gradient/g)).toHaveLength(4);
  });
});
