import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ClusterDiagnosis } from '@kubedeck/plugin-clusters-common';
import { age, formatTime } from '../../lib/format';
import { podRouteRef } from '../../routes';
import { StatusChip } from '../StatusChip';

const TONE = { critical: 'error', warning: 'warning' } as const;

function ObjectCell(props: {
  diagnosis: ClusterDiagnosis;
  showCluster: boolean;
}) {
  const { diagnosis: d, showCluster } = props;
  const podLink = useRouteRef(podRouteRef);
  const name =
    d.kind === 'Pod' && d.namespace && podLink ? (
      <Link
        to={podLink({
          cluster: d.cluster,
          namespace: d.namespace,
          pod: d.name,
        })}
      >
        {d.name}
      </Link>
    ) : (
      d.name
    );
  const where = [showCluster ? d.cluster : undefined, d.namespace].filter(
    Boolean,
  );
  return (
    <>
      <Typography variant="body2">
        {d.kind} {name}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {where.join(' / ')}
      </Typography>
    </>
  );
}

const useStyles = makeStyles(theme => ({
  fact: {
    fontFamily: 'monospace',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    display: 'block',
    maxHeight: 96,
    overflow: 'auto',
    marginTop: theme.spacing(0.5),
  },
  object: { width: '15%', wordBreak: 'break-word' },
  problem: { width: '15%' },
  fix: { width: '20%' },
  when: { width: '7%', whiteSpace: 'nowrap' },
}));

function Evidence(props: { diagnosis: ClusterDiagnosis }) {
  const classes = useStyles();
  return (
    <>
      <Typography variant="body2">{props.diagnosis.title}</Typography>
      {props.diagnosis.evidence.map((fact, i) => (
        <Typography key={i} variant="caption" className={classes.fact}>
          {fact}
        </Typography>
      ))}
    </>
  );
}

function When(props: { time?: string }) {
  return props.time ? (
    <span title={formatTime(props.time)}>{age(props.time)} ago</span>
  ) : null;
}

/** Diagnoses as a table: object, problem, evidence, fix and when it was seen. */
export function DiagnosisList(props: {
  diagnoses: ClusterDiagnosis[];
  showCluster?: boolean;
}) {
  const { diagnoses, showCluster = true } = props;
  const classes = useStyles();
  if (diagnoses.length === 0) {
    return <Typography style={{ padding: 16 }}>No problems found.</Typography>;
  }
  return (
    <Table size="small" aria-label="Diagnoses" style={{ tableLayout: 'fixed' }}>
      <TableHead>
        <TableRow>
          <TableCell className={classes.object}>Object</TableCell>
          <TableCell className={classes.problem}>Problem</TableCell>
          <TableCell>Evidence</TableCell>
          <TableCell className={classes.fix}>Fix</TableCell>
          <TableCell className={classes.when}>First seen</TableCell>
          <TableCell className={classes.when}>Last seen</TableCell>
          <TableCell className={classes.when}>Resolved</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {diagnoses.map(d => (
          <TableRow key={d.id}>
            <TableCell className={classes.object}>
              <ObjectCell diagnosis={d} showCluster={showCluster} />
            </TableCell>
            <TableCell>
              <StatusChip
                status={{
                  text: d.type,
                  tone: d.resolvedAt ? 'neutral' : TONE[d.severity],
                }}
              />
            </TableCell>
            <TableCell>
              <Evidence diagnosis={d} />
            </TableCell>
            <TableCell>
              <Typography variant="body2">{d.fix}</Typography>
            </TableCell>
            <TableCell className={classes.when}>
              <When time={d.firstSeen} />
            </TableCell>
            <TableCell className={classes.when}>
              <When time={d.lastSeen} />
            </TableCell>
            <TableCell className={classes.when}>
              {d.resolvedAt ? <When time={d.resolvedAt} /> : 'Open'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
