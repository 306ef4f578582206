{{/* The release's full name: the operator's Deployment, ServiceAccount, roles and Service. */}}
{{- define "eltm-operator.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "eltm-operator.serviceAccountName" -}}
{{- default (include "eltm-operator.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}

{{- define "eltm-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "eltm-operator.labels" -}}
{{ include "eltm-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end -}}

{{/*
What the operator calls in the namespaces it watches, and nothing more (docs/install.md lists each rule
beside the requests the API server's audit log records for it):
- EltmInstallations: list and watch (its informer), update on status (the aggregator's PUT);
- EltmOperations: list and watch, create (one per upgrade or rollback);
- EltmHosts: list and watch (the agents' reports);
- Leases: list and watch (the agents' heartbeats, eltm-agent-<host>);
- Events: create (one per condition transition).
*/}}
{{- define "eltm-operator.watchRules" -}}
- apiGroups: ["eltm.io"]
  resources: ["eltminstallations"]
  verbs: ["list", "watch"]
- apiGroups: ["eltm.io"]
  resources: ["eltminstallations/status"]
  verbs: ["update"]
- apiGroups: ["eltm.io"]
  resources: ["eltmoperations"]
  verbs: ["list", "watch", "create"]
- apiGroups: ["eltm.io"]
  resources: ["eltmhosts"]
  verbs: ["list", "watch"]
- apiGroups: ["coordination.k8s.io"]
  resources: ["leases"]
  verbs: ["list", "watch"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- end -}}
