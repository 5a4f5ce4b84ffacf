import type { SVGProps } from 'react';

/**
 * Icons as inline SVG (24×24 grid, stroked with currentColor): never emoji, which render as empty boxes
 * where no emoji font is installed (Debian's Chromium on classroom machines).
 */
type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function Svg({ size = 18, children, ...props }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

/** A raised hand (open palm, four fingers and a thumb). */
export const HandIcon = (p: IconProps) => (
  <Svg {...p} data-icon="hand">
    <path d="M18 11V6a2 2 0 0 0-4 0v5" />
    <path d="M14 10V4a2 2 0 0 0-4 0v6" />
    <path d="M10 10.5V6a2 2 0 0 0-4 0v8" />
    <path d="M18 8a2 2 0 1 1 4 0v6a8 8 0 0 1-8 8h-2c-2.8 0-4.5-.86-5.99-2.34l-3.6-3.6a2 2 0 0 1 2.83-2.82L7 15" />
  </Svg>
);
/** A speech bubble: a critique thread. */
export const CommentIcon = (p: IconProps) => (
  <Svg {...p} data-icon="comment">
    <path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />
  </Svg>
);
export const CheckIcon = (p: IconProps) => (
  <Svg {...p} data-icon="check">
    <path d="M20 6 9 17l-5-5" />
  </Svg>
);
/** A flag on its pole: a misconception seen. */
export const FlagIcon = (p: IconProps) => (
  <Svg {...p} data-icon="flag">
    <path d="M4 22V4" />
    <path d="M4 4h13l-2.5 4.5L17 13H4" />
  </Svg>
);
export const XIcon = (p: IconProps) => (
  <Svg {...p} data-icon="x">
    <path d="M18 6 6 18M6 6l12 12" />
  </Svg>
);
export const ChevronDownIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="m6 9 6 6 6-6" />
  </Svg>
);
export const QuestionIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="12" cy="12" r="10" />
    <path d="M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17h.01" />
  </Svg>
);
export const QuietIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21v-1a6 6 0 0 1 9-5.2M17 17l4 4M21 17l-4 4" />
  </Svg>
);
/** A person beside a plus: a student to put in a group. */
export const PersonPlusIcon = (p: IconProps) => (
  <Svg {...p} data-icon="person-plus">
    <circle cx="9" cy="8" r="4" />
    <path d="M2 21v-1a7 7 0 0 1 14 0v1M19 8v6M16 11h6" />
  </Svg>
);
export const AlertIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="m10.3 3.9-8.5 14.6A2 2 0 0 0 3.5 21.5h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
    <path d="M12 9v4M12 17h.01" />
  </Svg>
);
export const ProjectorIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="2" y="4" width="20" height="13" rx="2" />
    <path d="M12 17v4M8 21h8" />
  </Svg>
);
export const ExpandIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M15 3h6v6M9 21H3v-6M21 3l-7 7M3 21l7-7" />
  </Svg>
);
export const SpotlightIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="12" cy="12" r="3" />
    <path d="M12 2v3M12 19v3M2 12h3M19 12h3" />
  </Svg>
);
export const MoreIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="5" cy="12" r="1" />
    <circle cx="12" cy="12" r="1" />
    <circle cx="19" cy="12" r="1" />
  </Svg>
);

/** A camera: take a snapshot. */
export const CameraIcon = (p: IconProps) => (
  <Svg {...p} data-icon="camera">
    <path d="M4 8h3l2-3h6l2 3h3v11H4z" />
    <circle cx="12" cy="13" r="3.5" />
  </Svg>
);
export const ArrowUpIcon = (p: IconProps) => (
  <Svg {...p} data-icon="arrow-up">
    <path d="M12 19V5M6 11l6-6 6 6" />
  </Svg>
);
export const ArrowDownIcon = (p: IconProps) => (
  <Svg {...p} data-icon="arrow-down">
    <path d="M12 5v14M6 13l6 6 6-6" />
  </Svg>
);
export const ArrowRightIcon = (p: IconProps) => (
  <Svg {...p} data-icon="arrow-right">
    <path d="M5 12h14M13 6l6 6-6 6" />
  </Svg>
);
export const TrashIcon = (p: IconProps) => (
  <Svg {...p} data-icon="trash">
    <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />
  </Svg>
);
/** Six dots: a handle to drag a step by. */
export const GripIcon = (p: IconProps) => (
  <Svg {...p} data-icon="grip">
    <circle cx="9" cy="6" r="1" />
    <circle cx="15" cy="6" r="1" />
    <circle cx="9" cy="12" r="1" />
    <circle cx="15" cy="12" r="1" />
    <circle cx="9" cy="18" r="1" />
    <circle cx="15" cy="18" r="1" />
  </Svg>
);

/** A triangle pointing right: play. */
export const PlayIcon = (p: IconProps) => (
  <Svg {...p} data-icon="play">
    <path d="M7 4v16l13-8z" />
  </Svg>
);
/** Two bars: pause. */
export const PauseIcon = (p: IconProps) => (
  <Svg {...p} data-icon="pause">
    <path d="M8 5v14M16 5v14" />
  </Svg>
);
/** A clock face with an arrow turning back: replay the lesson. */
export const ReplayIcon = (p: IconProps) => (
  <Svg {...p} data-icon="replay">
    <path d="M3 12a9 9 0 1 0 3-6.7L3 8" />
    <path d="M3 3v5h5M12 7v5l3 2" />
  </Svg>
);
/** An arrow down into a tray: download or export. */
export const DownloadIcon = (p: IconProps) => (
  <Svg {...p} data-icon="download">
    <path d="M12 4v11M7 10l5 5 5-5" />
    <path d="M5 19h14" />
  </Svg>
);
/** Two overlapping sheets: copy to the clipboard. */
export const CopyIcon = (p: IconProps) => (
  <Svg {...p} data-icon="copy">
    <rect x="9" y="9" width="11" height="11" rx="2" />
    <path d="M5 15V6a2 2 0 0 1 2-2h9" />
  </Svg>
);
