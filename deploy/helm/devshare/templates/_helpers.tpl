{{/*
Names, labels and image references of the Devshare chart. A "component" context is a dict:
  root   the chart's root context ($)
  name   the service name, e.g. "partner-service"
  values that service's block of values, e.g. .Values.partnerService
*/}}

{{/* The chart name, or nameOverride. */}}
{{- define "devshare.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* "<release>-<chart>" (just the release when it already contains the chart name), or fullnameOverride. */}}
{{- define "devshare.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* "<chart>-<version>" for the helm.sh/chart label. */}}
{{- define "devshare.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
The components, by values key: the five services and the console. Every per-component template ranges over this
(in key order):
  {{- range $key, $name := include "devshare.components" . | fromYaml }}
*/}}
{{- define "devshare.components" -}}
{{ include "devshare.services" . }}
console: console
{{- end -}}

{{/* The five services (each with its own database and Kafka topics), by values key; the console calls them. */}}
{{- define "devshare.services" -}}
partnerService: partner-service
sharingService: sharing-service
deviceService: device-service
projectService: project-service
notificationService: notification-service
{{- end -}}

{{/* A component's resource name: "<fullname>-<service>", e.g. devshare-partner-service. */}}
{{- define "devshare.componentName" -}}
{{- printf "%s-%s" (include "devshare.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select a component's pods (never change them on upgrade: selectors are immutable). */}}
{{- define "devshare.selectorLabels" -}}
app.kubernetes.io/name: {{ include "devshare.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* Every label of a component's resources. */}}
{{- define "devshare.labels" -}}
helm.sh/chart: {{ include "devshare.chart" .root }}
{{ include "devshare.selectorLabels" . }}
app.kubernetes.io/version: {{ include "devshare.imageTag" . | trunc 63 | quote }}
app.kubernetes.io/part-of: devshare
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end -}}

{{/* Labels of release-wide resources (the service account). */}}
{{- define "devshare.releaseLabels" -}}
helm.sh/chart: {{ include "devshare.chart" . }}
app.kubernetes.io/name: {{ include "devshare.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: devshare
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* The image tag of a component: its own, else global.image.tag, else the chart's appVersion. */}}
{{- define "devshare.imageTag" -}}
{{- .values.image.tag | default .root.Values.global.image.tag | default .root.Chart.AppVersion -}}
{{- end -}}

{{/*
A component's image reference: [registry/]repository@digest when a digest is set, else [registry/]repository:tag.
The registry is the component's, else global.image.registry.
*/}}
{{- define "devshare.image" -}}
{{- $image := .values.image -}}
{{- $registry := $image.registry | default .root.Values.global.image.registry -}}
{{- $repository := required (printf "%s: image.repository is required" .name) $image.repository -}}
{{- $ref := ternary (printf "%s/%s" ($registry | trimSuffix "/") $repository) $repository (ne $registry "") -}}
{{- if $image.digest -}}
{{- if not (regexMatch "^sha256:[a-f0-9]{64}$" $image.digest) -}}
{{- fail (printf "%s: image.digest must look like sha256:<64 hex digits>, got %q" .name $image.digest) -}}
{{- end -}}
{{- printf "%s@%s" $ref $image.digest -}}
{{- else -}}
{{- printf "%s:%s" $ref (include "devshare.imageTag" .) -}}
{{- end -}}
{{- end -}}

{{/* The service account of every pod. */}}
{{- define "devshare.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "devshare.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The in-cluster URL of a component's Service, e.g. http://devshare-project-service.ns.svc:80 */}}
{{- define "devshare.serviceUrl" -}}
{{- printf "http://%s.%s.svc:%v" (include "devshare.componentName" .) .root.Release.Namespace .values.service.port -}}
{{- end -}}

{{/* Whether a component mounts a data volume (device-service field data, project-service designs): "true" or "". */}}
{{- define "devshare.hasVolume" -}}
{{- if and .values.persistence (has .name (list "device-service" "project-service")) -}}true{{- end -}}
{{- end -}}

{{/* More than one pod of a component may run at once: "true" or "". */}}
{{- define "devshare.multiPod" -}}
{{- if or .values.autoscaling.enabled (gt (int .values.replicaCount) 1) -}}true{{- end -}}
{{- end -}}

{{/* The claim name of a component's data volume. */}}
{{- define "devshare.claimName" -}}
{{- .values.persistence.existingClaim | default (printf "%s-data" (include "devshare.componentName" .)) -}}
{{- end -}}

{{/* A secret key reference, failing with a clear message when the Secret's name is missing. Context:
  secret  the Secret's name (may be empty)
  key     the key in it
  value   the values path that names the Secret, for the message
  what    what the Secret must hold, for the message
  hint    optional, appended to the message */}}
{{- define "devshare.secretKeyRef" -}}
valueFrom:
  secretKeyRef:
    name: {{ required (printf "%s is required: the name of an existing Secret holding %s under the key %q (the chart never takes secret values)%s" .value .what .key (.hint | default "")) .secret | quote }}
    key: {{ .key | quote }}
{{- end -}}
