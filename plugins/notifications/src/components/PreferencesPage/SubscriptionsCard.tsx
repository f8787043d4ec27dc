import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import IconButton from '@material-ui/core/IconButton';
import InputLabel from '@material-ui/core/InputLabel';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import Alert from '@material-ui/lab/Alert';
import { InfoCard } from '@backstage/core-components';
import {
  ALERT_CATEGORIES,
  AlertCategory,
  Subscription,
} from '@kubedeck/plugin-notifications-common';
import { CATEGORY_LABELS } from '../labels';
import { ClusterNamespacePickers } from './SubscriptionPickers';
import { useSubscriptions } from './useSubscriptions';

/** How a subscription reads in the list, e.g. "Critical in shop on demo". */
export function describeSubscription(s: Subscription): string {
  const what = s.category ? CATEGORY_LABELS[s.category] : 'All alerts';
  const where = [
    s.namespace && `in namespace ${s.namespace}`,
    s.cluster && `on cluster ${s.cluster}`,
  ].filter(Boolean);
  return [what, ...where].join(' ');
}

/**
 * What the user follows beyond the objects their teams own: clusters, namespaces and
 * categories. Each change is saved at once.
 */
export function SubscriptionsCard(props: {
  loaded: Subscription[] | undefined;
  readOnly: boolean;
}) {
  const { subscriptions, saving, saveError, add, remove } = useSubscriptions(
    props.loaded,
  );
  const [where, setWhere] = useState({ cluster: '', namespace: '' });
  const [category, setCategory] = useState<AlertCategory | ''>('');
  const [notice, setNotice] = useState<string>();
  const draft: Subscription = {
    ...(where.cluster ? { cluster: where.cluster } : {}),
    ...(where.namespace ? { namespace: where.namespace } : {}),
    ...(category ? { category } : {}),
  };
  const empty = !draft.cluster && !draft.namespace && !draft.category;

  const onAdd = async () => {
    setNotice(undefined);
    if (!(await add(draft))) {
      setNotice(`You already follow ${describeSubscription(draft)}.`);
      return;
    }
    setWhere({ cluster: '', namespace: '' });
    setCategory('');
  };

  return (
    <InfoCard
      title="What you follow"
      subheader="Besides alerts about what your teams own, you hear about every cluster, namespace or category you follow."
    >
      {saveError && (
        <Box mb={2}>
          <Alert severity="error">
            Your subscriptions were not saved: {saveError.message}
          </Alert>
        </Box>
      )}
      {notice && (
        <Box mb={2}>
          <Alert severity="info">{notice}</Alert>
        </Box>
      )}
      {subscriptions.length === 0 ? (
        <Typography color="textSecondary">
          You follow no cluster, namespace or category.
        </Typography>
      ) : (
        <List dense aria-label="Subscriptions">
          {subscriptions.map(s => {
            const label = describeSubscription(s);
            return (
              <ListItem key={label}>
                <ListItemText primary={label} />
                {!props.readOnly && (
                  <ListItemSecondaryAction>
                    <IconButton
                      edge="end"
                      aria-label={`Stop following ${label}`}
                      disabled={saving}
                      onClick={() => remove(s)}
                    >
                      <DeleteIcon />
                    </IconButton>
                  </ListItemSecondaryAction>
                )}
              </ListItem>
            );
          })}
        </List>
      )}
      {!props.readOnly && (
        <Box display="flex" flexWrap="wrap" mt={2} style={{ gap: 8 }}>
          <ClusterNamespacePickers
            cluster={where.cluster}
            namespace={where.namespace}
            disabled={saving}
            onChange={setWhere}
          />
          <FormControl
            variant="outlined"
            size="small"
            style={{ minWidth: 160 }}
          >
            <InputLabel id="subscription-category" shrink>
              Category
            </InputLabel>
            <Select
              labelId="subscription-category"
              label="Category"
              value={category}
              displayEmpty
              disabled={saving}
              onChange={e => setCategory(e.target.value as AlertCategory | '')}
            >
              <MenuItem value="">Any category</MenuItem>
              {ALERT_CATEGORIES.map(c => (
                <MenuItem key={c} value={c}>
                  {CATEGORY_LABELS[c]}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <Button
            variant="contained"
            color="primary"
            disabled={empty || saving}
            onClick={onAdd}
          >
            Follow
          </Button>
        </Box>
      )}
    </InfoCard>
  );
}
