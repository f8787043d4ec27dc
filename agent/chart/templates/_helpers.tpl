{{- define "kubedeck-agent.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "kubedeck-agent.labels" -}}
app.kubernetes.io/name: {{ include "kubedeck-agent.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: kubedeck
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "kubedeck-agent.selectorLabels" -}}
app.kubernetes.io/name: {{ include "kubedeck-agent.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "kubedeck-agent.registrationSecret" -}}
{{- default (printf "%s-registration" .Release.Name) .Values.registration.existingSecret -}}
{{- end -}}

{{- define "kubedeck-agent.rules" -}}
{{- if eq .Values.rbac.preset "custom" -}}
{{- required "rbac.rules is required with rbac.preset=custom" .Values.rbac.rules | toYaml -}}
{{- else -}}
{{- required (printf "unknown rbac.preset %s" .Values.rbac.preset) (index .Values.rbac.presets .Values.rbac.preset) | toYaml -}}
{{- end -}}
{{- end -}}
