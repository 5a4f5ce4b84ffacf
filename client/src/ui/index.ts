// Our UI's components: one file each, styled by tokens.css and components.css. Pages compose these.
import './tokens.css';
import './components.css';
import './motion.css';

export { Badge, type BadgeTone } from './Badge.js';
export { Button, type ButtonProps } from './Button.js';
export { Checkbox } from './Checkbox.js';
export { CopyField } from './CopyField.js';
export { Dialog } from './Dialog.js';
export { DropdownMenu, type MenuItem } from './DropdownMenu.js';
export { IconButton } from './IconButton.js';
export { RadioGroup } from './RadioGroup.js';
export { Select, SelectField } from './Select.js';
export { Slider } from './Slider.js';
export { Switch } from './Switch.js';
export { NumericCell, Table } from './Table.js';
export { Tabs, type TabSpec } from './Tabs.js';
export { TextField } from './TextField.js';
export { ToastProvider, useToast } from './Toast.js';
export * from './icons.js';
