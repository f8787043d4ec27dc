import { KubeObject } from '@kubedeck/plugin-clusters-common';
import Box from '@material-ui/core/Box';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import CloseIcon from '@material-ui/icons/Close';
import { useState } from 'react';
import { ResourceType } from '../../api';
import { PinnedResource } from '../../hooks/usePinnedResources';
import { ObjectActions } from '../Actions';
import { PinButton } from '../Pinned';
import { ObjectEvents } from './ObjectEvents';
import { ObjectYaml } from './ObjectYaml';

/** An object's YAML, events and actions in a side drawer. */
export function ObjectDrawer(props: {
  cluster: string;
  type: ResourceType;
  object?: KubeObject;
  /** The object as the user pins it, when it can be pinned. */
  pin?: PinnedResource;
  onClose(): void;
}) {
  const { object, cluster, type } = props;
  const [tab, setTab] = useState(0);
  const ref = object && {
    cluster,
    type,
    namespace: object.metadata.namespace,
    name: object.metadata.name,
  };
  return (
    <Drawer anchor="right" open={Boolean(object)} onClose={props.onClose}>
      {object && ref && (
        <Box
          width="min(900px, 90vw)"
          p={2}
          role="dialog"
          aria-label={`${object.kind} ${object.metadata.name}`}
        >
          <Box display="flex" alignItems="center">
            <Box flexGrow={1}>
              <Typography variant="overline">{object.kind}</Typography>
              <Typography variant="h5">{object.metadata.name}</Typography>
              {object.metadata.namespace && (
                <Typography color="textSecondary">
                  {object.metadata.namespace}
                </Typography>
              )}
            </Box>
            {props.pin && <PinButton resource={props.pin} />}
            <IconButton aria-label="Close" onClick={props.onClose}>
              <CloseIcon />
            </IconButton>
          </Box>
          <Box display="flex" gridGap={8} my={1} flexWrap="wrap">
            <ObjectActions
              object={ref}
              kind={object.kind ?? ''}
              replicas={object.spec?.replicas}
              onDone={action => action === 'delete' && props.onClose()}
            />
          </Box>
          <Tabs
            value={tab}
            onChange={(_, v) => setTab(v)}
            indicatorColor="primary"
          >
            <Tab label="YAML" />
            <Tab label="Events" />
          </Tabs>
          <Box mt={2}>
            {tab === 0 && <ObjectYaml object={ref} />}
            {tab === 1 && <ObjectEvents object={ref} />}
          </Box>
        </Box>
      )}
    </Drawer>
  );
}
