import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import Typography from '@material-ui/core/Typography';
import {
  ALERT_CATEGORIES,
  AlertCategory,
} from '@kubedeck/plugin-notifications-common';
import { CATEGORY_LABELS } from '../labels';

/**
 * Which categories a shared channel posts. Personal channels have none of their own: each
 * user picks in their preferences.
 */
export function ChannelCategoriesField(props: {
  personal: boolean;
  categories: AlertCategory[];
  onChange: (categories: AlertCategory[]) => void;
}) {
  const { personal, categories, onChange } = props;
  if (personal) {
    return (
      <Typography variant="body2" color="textSecondary">
        A personal channel: each user chooses in their preferences which
        categories reach them through it.
      </Typography>
    );
  }
  const toggle = (category: AlertCategory) =>
    onChange(
      ALERT_CATEGORIES.filter(c =>
        c === category ? !categories.includes(c) : categories.includes(c),
      ),
    );
  return (
    <FormGroup>
      <FormLabel component="legend">Categories posted here</FormLabel>
      {ALERT_CATEGORIES.map(category => (
        <FormControlLabel
          key={category}
          label={CATEGORY_LABELS[category]}
          control={
            <Checkbox
              color="primary"
              checked={categories.includes(category)}
              onChange={() => toggle(category)}
            />
          }
        />
      ))}
    </FormGroup>
  );
}
