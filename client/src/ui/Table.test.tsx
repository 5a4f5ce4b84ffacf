// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanUp, render } from '../test/render.js';
import { Table } from './Table.js';

afterEach(() => {
  cleanUp();
  vi.restoreAllMocks();
});

/** happy-dom lays nothing out: the table's width is given as what a browser would measure, in a 600 px frame. */
async function renderTable(tableWidth: number) {
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(tableWidth);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600);
  const host = await render(
    <Table>
      <caption>Groups × anticipations</caption>
      <tbody>
        <tr>
          <th scope="row">Group 1</th>
          <td>seen</td>
        </tr>
      </tbody>
    </Table>,
  );
  const table = host.querySelector('table')!;
  return { frame: host.querySelector('.ui-table-frame')!, scroller: table.parentElement! };
}

describe('a table wider than its frame', () => {
  it('shows no shade when every column fits', async () => {
    const { frame } = await renderTable(600);
    expect(frame.hasAttribute('data-more')).toBe(false);
  });

  it('shades its right edge while columns lie past it, and not once they are scrolled into view', async () => {
    const { frame, scroller } = await renderTable(900);
    expect(frame.getAttribute('data-more')).toBe('right');
    act(() => {
      scroller.scrollLeft = 300;
      scroller.dispatchEvent(new Event('scroll'));
    });
    expect(frame.hasAttribute('data-more')).toBe(false);
    act(() => {
      scroller.scrollLeft = 0;
      scroller.dispatchEvent(new Event('scroll'));
    });
    expect(frame.getAttribute('data-more')).toBe('right');
  });
});
