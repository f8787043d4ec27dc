import { Analyzer } from '../types';
import { nodeAnalyzer, pvcAnalyzer, serviceAnalyzer } from './clusterAnalyzers';
import { containerAnalyzer } from './containerAnalyzers';
import { probeAnalyzer, unschedulableAnalyzer } from './podAnalyzers';
import {
  deploymentAnalyzer,
  hpaAnalyzer,
  jobAnalyzer,
} from './workloadAnalyzers';

/** Every built-in analyzer. */
export const analyzers: Analyzer[] = [
  containerAnalyzer,
  unschedulableAnalyzer,
  probeAnalyzer,
  nodeAnalyzer,
  pvcAnalyzer,
  serviceAnalyzer,
  jobAnalyzer,
  deploymentAnalyzer,
  hpaAnalyzer,
];
