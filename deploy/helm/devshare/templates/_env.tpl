{{/*
The environment of a component's container (component context: root, name, values). Quarkus maps each variable to
its property (QUARKUS_DATASOURCE_PASSWORD → quarkus.datasource.password). Secrets come only from secretKeyRef. The
services get their database and Kafka; the console, which holds no data, its Keycloak client and the services' URLs.
Order: the chart's own variables, then <component>.env (NAME: value, sorted), then <component>.extraEnv.
*/}}
{{- define "devshare.env" -}}
{{- $root := .root -}}
{{- $v := .values -}}
{{- $name := .name -}}
{{- $kc := required "keycloak.url is required: the Keycloak base URL as the pods reach it, e.g. https://id.example.com" $root.Values.keycloak.url | trimSuffix "/" -}}
{{- $realm := required "keycloak.realm is required" $root.Values.keycloak.realm -}}
- name: QUARKUS_HTTP_PORT
  value: "8080"
{{- /* The console holds no data: no database, no Kafka. */}}
{{- if ne $name "console" }}
{{- $pg := $root.Values.postgresql }}
{{- $pgHost := required "postgresql.host is required: the PostgreSQL server every service's database lives on" $pg.host }}
{{- $pgParams := ternary (printf "?%s" ($pg.parameters | trimPrefix "?")) "" (ne ($pg.parameters | toString) "") }}
{{- $db := required (printf "%s.database.name is required" $name) $v.database.name }}
{{- $kafka := required "kafka.bootstrapServers is required: the Kafka bootstrap servers (host:port[,host:port])" $root.Values.kafka.bootstrapServers }}
- name: QUARKUS_DATASOURCE_REACTIVE_URL
  value: {{ printf "postgresql://%s:%v/%s%s" $pgHost $pg.port $db $pgParams | quote }}
- name: QUARKUS_DATASOURCE_JDBC_URL
  value: {{ printf "jdbc:postgresql://%s:%v/%s%s" $pgHost $pg.port $db $pgParams | quote }}
- name: QUARKUS_DATASOURCE_USERNAME
  value: {{ required (printf "%s.database.username is required" $name) $v.database.username | quote }}
- name: QUARKUS_DATASOURCE_PASSWORD
  {{- include "devshare.secretKeyRef" (dict "secret" $v.database.existingSecret "key" $v.database.passwordKey "value" (printf "%s.database.existingSecret" (.key | default $name)) "what" (printf "%s's database password" $name)) | nindent 2 }}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ $kafka | quote }}
{{- end }}
- name: QUARKUS_OIDC_AUTH_SERVER_URL
  value: {{ printf "%s/realms/%s" $kc $realm | quote }}
{{- if has $name (list "partner-service" "notification-service") }}
- name: DEVSHARE_KEYCLOAK_URL
  value: {{ $kc | quote }}
- name: DEVSHARE_KEYCLOAK_REALM
  value: {{ $realm | quote }}
{{- end }}
{{- if has $name (list "partner-service" "device-service" "notification-service") }}
{{- $client := $root.Values.keycloak.servicesClient }}
- name: DEVSHARE_SERVICES_CLIENT_SECRET
  {{- include "devshare.secretKeyRef" (dict "secret" $client.existingSecret "key" $client.key "value" "keycloak.servicesClient.existingSecret" "what" "the secret of the Keycloak client devshare-services") | nindent 2 }}
{{- end }}
{{- if eq $name "device-service" }}
- name: DEVSHARE_PROJECT_SERVICE_URL
  value: {{ $v.projectServiceUrl | default (include "devshare.serviceUrl" (dict "root" $root "name" "project-service" "values" $root.Values.projectService)) | quote }}
- name: DEVSHARE_FIELD_DATA_DIR
  value: {{ $v.persistence.mountPath | quote }}
- name: DEVSHARE_DEVICE_CREDENTIALS_HASH_KEY
  {{- include "devshare.secretKeyRef" (dict "secret" $v.credentials.existingSecret "key" $v.credentials.key "value" "deviceService.credentials.existingSecret" "what" "the key device secrets are hashed with (HMAC-SHA256, at least 32 characters)") | nindent 2 }}
- name: DEVSHARE_LICENCES_STARTING_POOL
  value: {{ $v.licences.startingPool | int | toString | quote }}
{{- end }}
{{- if eq $name "project-service" }}
- name: DEVSHARE_DESIGNS_DIR
  value: {{ $v.persistence.mountPath | quote }}
{{- end }}
{{- if eq $name "notification-service" }}
{{- $smtp := $root.Values.smtp }}
- name: QUARKUS_MAILER_HOST
  value: {{ required "smtp.host is required by notification-service: the SMTP relay it sends every email through" $smtp.host | quote }}
- name: QUARKUS_MAILER_PORT
  value: {{ $smtp.port | quote }}
- name: QUARKUS_MAILER_FROM
  value: {{ required "smtp.from is required by notification-service" $smtp.from | quote }}
- name: QUARKUS_MAILER_START_TLS
  value: {{ $smtp.startTls | quote }}
- name: QUARKUS_MAILER_TLS
  value: {{ $smtp.tls | quote }}
{{- if $smtp.auth.enabled }}
- name: QUARKUS_MAILER_USERNAME
  {{- include "devshare.secretKeyRef" (dict "secret" $smtp.auth.existingSecret "key" $smtp.auth.usernameKey "value" "smtp.auth.existingSecret" "what" "the SMTP username" "hint" "; or set smtp.auth.enabled=false for a relay without login") | nindent 2 }}
- name: QUARKUS_MAILER_PASSWORD
  {{- include "devshare.secretKeyRef" (dict "secret" $smtp.auth.existingSecret "key" $smtp.auth.passwordKey "value" "smtp.auth.existingSecret" "what" "the SMTP password" "hint" "; or set smtp.auth.enabled=false for a relay without login") | nindent 2 }}
{{- end }}
- name: DEVSHARE_CONSOLE_BASE_URL
  value: {{ required "console.baseUrl is required by notification-service: the public console URL every email links to" $root.Values.console.baseUrl | trimSuffix "/" | quote }}
{{- end }}
{{- if eq $name "console" }}
- name: DEVSHARE_WEB_CLIENT_SECRET
  {{- include "devshare.secretKeyRef" (dict "secret" $v.oidc.existingSecret "key" $v.oidc.key "value" "console.oidc.existingSecret" "what" "the secret of the Keycloak client devshare-web" "hint" "; or set console.enabled=false") | nindent 2 }}
{{- if $v.csrf.existingSecret }}
- name: DEVSHARE_CONSOLE_CSRF_KEY
  {{- include "devshare.secretKeyRef" (dict "secret" $v.csrf.existingSecret "key" $v.csrf.key "value" "console.csrf.existingSecret" "what" "the key CSRF cookies are signed with") | nindent 2 }}
{{- end }}
{{- /* The services the console calls: an enabled one at this release's Service, unless its URL is given. */}}
{{- range $key, $service := include "devshare.services" $root | fromYaml }}
{{- $url := get ($v.serviceUrls | default dict) $key }}
{{- $sv := index $root.Values $key }}
{{- if or $url $sv.enabled }}
- name: {{ printf "DEVSHARE_%s_URL" ($service | upper | replace "-" "_") }}
  value: {{ $url | default (include "devshare.serviceUrl" (dict "root" $root "name" $service "values" $sv)) | trimSuffix "/" | quote }}
{{- end }}
{{- end }}
{{- if hasPrefix "https://" ($root.Values.console.baseUrl | lower) }}
{{- /* Public over https, TLS ending in front of the pod: redirects with https, cookies only over https. */}}
- name: QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME
  value: "true"
- name: QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE
  value: "true"
- name: QUARKUS_REST_CSRF_COOKIE_FORCE_SECURE
  value: "true"
{{- end }}
{{- end }}
{{- range $envName, $envValue := $v.env }}
- name: {{ $envName | quote }}
  value: {{ $envValue | toString | quote }}
{{- end }}
{{- with $v.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}
