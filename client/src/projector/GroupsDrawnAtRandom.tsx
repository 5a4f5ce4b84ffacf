import './groupsDrawn.css';
import { useLayoutEffect, useRef, type CSSProperties } from 'react';
import type { DrawnGroup } from '@conjecture/shared';
import { columnChoices, largestFittingFont } from './groupsDrawnLayout.js';

/**
 * On the projector's join screen after a random draw published as drawn: every group and who is in it,
 * large, under the heading that says chance made them. The type is the largest at which every group fits
 * the screen, in whichever number of columns lets it be largest (re-fitted on resize); the groups appear one after another unless reduced motion is asked.
 */
export function GroupsDrawnAtRandom({ drawnAt, groups }: { drawnAt: number; groups: readonly DrawnGroup[] }) {
  const list = useRef<HTMLOListElement>(null);
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    // Fits: no group runs below the box, and no name or group name (on one line) is wider than its line.
    const fits = () =>
      el.scrollHeight <= el.clientHeight &&
      [...el.querySelectorAll('h3, li li')].every((line) => line.scrollWidth <= line.clientWidth);
    const fitAt = (columns: number) => {
      el.style.setProperty('--draw-columns', String(columns));
      return largestFittingFont((size) => {
        el.style.fontSize = `${size}px`;
        return fits();
      });
    };
    const fit = () => {
      delete el.dataset.crowded;
      let best = { columns: 1, px: 0 };
      for (const columns of columnChoices(groups.length)) {
        const px = fitAt(columns);
        if (px > best.px) best = { columns, px };
      }
      el.style.setProperty('--draw-columns', String(best.columns));
      el.style.fontSize = `${best.px}px`;
      // Even the least type is too large: long names break anywhere rather than run into the next group.
      if (!fits()) el.dataset.crowded = 'true';
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [groups]);

  return (
    <section className="groups-drawn" aria-labelledby="groups-drawn-heading" data-testid="groups-drawn">
      <h2 id="groups-drawn-heading">Groups drawn at random</h2>
      <ol
        key={drawnAt} // a new draw is revealed afresh
        ref={list}
        className="groups-drawn__groups"
      >
        {groups.map((group, order) => (
          <li
            key={group.groupId}
            className="groups-drawn__group"
            data-testid={`drawn-${group.name}`}
            style={{ '--reveal-order': order } as CSSProperties}
          >
            <h3>{group.name}</h3>
            <ul>
              {group.members.map((m) => (
                <li key={m.studentId}>{m.name}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
