{{- /*
One StatefulSet; with strategy blueGreen there are two, one per slot, each with its own name,
headless Service, claims and slot label. Call with (dict "context" $ "slot" "blue"), slot "" for one.
*/ -}}
{{- define "statefulset.statefulset" -}}
{{- $slot := .slot -}}
{{- with .context -}}
{{- $fullname := include "statefulset.workloadName" (dict "context" . "slot" $slot) -}}
{{- $claims := .Values.persistence.claims -}}
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ $fullname | quote }}
  labels:
    {{- include "statefulset.labels" . | nindent 4 }}
spec:
  serviceName: {{ printf "%s-headless" $fullname | quote }}
  replicas: {{ include "statefulset.replicas" (dict "context" . "slot" $slot) }}
  podManagementPolicy: {{ .Values.podManagementPolicy }}
  revisionHistoryLimit: {{ .Values.revisionHistoryLimit | int64 }}
  minReadySeconds: {{ .Values.minReadySeconds | int64 }}
  {{- $updateType := include "statefulset.updateType" . }}
  updateStrategy:
    type: {{ $updateType }}
    {{- if eq $updateType "RollingUpdate" }}
    rollingUpdate:
      partition: {{ include "statefulset.partition" . }}
      {{- with .Values.updateStrategy.rollingUpdate.maxUnavailable }}
      maxUnavailable: {{ include "statefulset.port" . }}
      {{- end }}
    {{- end }}
  {{- if and .Values.persistence.enabled $claims }}
  persistentVolumeClaimRetentionPolicy:
    whenDeleted: {{ .Values.persistentVolumeClaimRetentionPolicy.whenDeleted }}
    whenScaled: {{ .Values.persistentVolumeClaimRetentionPolicy.whenScaled }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "statefulset.slotSelectorLabels" (dict "context" . "slot" $slot) | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "statefulset.slotSelectorLabels" (dict "context" . "slot" $slot) | nindent 8 }}
        app.kubernetes.io/version: {{ include "statefulset.versionLabel" . | quote }}
        {{- range $key, $value := .Values.podLabels }}
        {{ $key | quote }}: {{ include "statefulset.string" $value | quote }}
        {{- end }}
      {{- with include "statefulset.podAnnotations" . }}
      annotations:
        {{- . | nindent 8 }}
      {{- end }}
    spec:
      serviceAccountName: {{ include "statefulset.serviceAccountName" . | quote }}
      automountServiceAccountToken: {{ .Values.serviceAccount.automountToken }}
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.priorityClassName }}
      priorityClassName: {{ . | quote }}
      {{- end }}
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds | int64 }}
      {{- /*
      Init containers first, then the sidecars: natively (1.29+) those start after the init containers
      have completed and before the application; as plain containers on older clusters they start with
      it. Either way no init container can rely on a sidecar.
      */}}
      {{- $native := include "statefulset.nativeSidecars" . }}
      {{- if or .Values.initContainers (and $native .Values.sidecars) }}
      initContainers:
        {{- range .Values.initContainers }}
        {{- include "statefulset.extraContainer" (dict "context" $.context "container" . "claims" true) | nindent 8 }}
        {{- end }}
        {{- if $native }}
        {{- range .Values.sidecars }}
        {{- include "statefulset.extraContainer" (dict "context" $.context "container" . "native" true) | nindent 8 }}
        {{- end }}
        {{- end }}
      {{- end }}
      containers:
        - name: {{ include "statefulset.name" . | quote }}
          image: {{ printf "%s:%s" .Values.image.repository (include "statefulset.imageTag" (dict "context" . "slot" $slot)) | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          {{- with .Values.ports }}
          ports:
            {{- range . }}
            - name: {{ .name | quote }}
              containerPort: {{ .containerPort | int64 }}
              protocol: {{ .protocol | default "TCP" }}
            {{- end }}
          {{- end }}
          {{- if or .Values.env .Values.secretEnv .Values.expandedEnv }}
          env:
            {{- range $name, $value := .Values.env }}
            - name: {{ $name | quote }}
              value: {{ include "statefulset.literalEnv" $value | quote }}
            {{- end }}
            {{- range $name, $ref := .Values.secretEnv }}
            - name: {{ $name | quote }}
              valueFrom:
                secretKeyRef:
                  name: {{ $ref.secretName | quote }}
                  key: {{ $ref.key | quote }}
                  {{- if $ref.optional }}
                  optional: true
                  {{- end }}
            {{- end }}
            {{- /* Last, so that their $(NAME) references can reach the variables above. */}}
            {{- range $name, $value := .Values.expandedEnv }}
            - name: {{ $name | quote }}
              value: {{ include "statefulset.string" $value | quote }}
            {{- end }}
          {{- end }}
          {{- if .Values.probes.readiness.enabled }}
          readinessProbe:
            {{- include "statefulset.probe" .Values.probes.readiness | nindent 12 }}
          {{- end }}
          {{- if .Values.probes.liveness.enabled }}
          livenessProbe:
            {{- include "statefulset.probe" .Values.probes.liveness | nindent 12 }}
          {{- end }}
          {{- if .Values.probes.startup.enabled }}
          startupProbe:
            {{- include "statefulset.probe" .Values.probes.startup | nindent 12 }}
          {{- end }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          securityContext:
            {{- toYaml .Values.containerSecurityContext | nindent 12 }}
          {{- $configFiles := .Values.configFiles.enabled }}
          {{- if or $claims .Values.tmpVolume.enabled $configFiles }}
          volumeMounts:
            {{- range $claim, $settings := $claims }}
            - name: {{ $claim | quote }}
              mountPath: {{ $settings.mountPath | quote }}
            {{- end }}
            {{- if .Values.tmpVolume.enabled }}
            - name: tmp
              mountPath: /tmp
            {{- end }}
            {{- if $configFiles }}
            - name: config-files
              mountPath: {{ .Values.configFiles.mountPath | quote }}
              readOnly: true
            {{- end }}
          {{- end }}
        {{- if not $native }}
        {{- range .Values.sidecars }}
        {{- include "statefulset.extraContainer" (dict "context" $.context "container" .) | nindent 8 }}
        {{- end }}
        {{- end }}
      {{- if or .Values.tmpVolume.enabled (and $claims (not .Values.persistence.enabled)) $configFiles }}
      volumes:
        {{- if not .Values.persistence.enabled }}
        {{- range $claim, $settings := $claims }}
        # persistence.enabled is false: this pod's data lives only as long as the pod.
        - name: {{ $claim | quote }}
          emptyDir:
            sizeLimit: {{ $settings.size | quote }}
        {{- end }}
        {{- end }}
        {{- if .Values.tmpVolume.enabled }}
        - name: tmp
          emptyDir:
            {{- with .Values.tmpVolume.sizeLimit }}
            sizeLimit: {{ . | quote }}
            {{- else }} {}
            {{- end }}
        {{- end }}
        {{- if $configFiles }}
        - name: config-files
          configMap:
            name: {{ .Values.configFiles.existingConfigMap | default (include "statefulset.scopedName" (dict "context" . "suffix" "config")) | quote }}
        {{- end }}
      {{- end }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- if .Values.affinity }}
      affinity:
        {{- toYaml .Values.affinity | nindent 8 }}
      {{- else if ne .Values.podAntiAffinity.type "none" }}
      {{- /* Spread over the pods' own selector labels (per slot with blueGreen), so replicas avoid each other. */}}
      {{- $spread := .Values.podAntiAffinity }}
      affinity:
        podAntiAffinity:
          {{- if eq $spread.type "hard" }}
          requiredDuringSchedulingIgnoredDuringExecution:
            - topologyKey: {{ $spread.topologyKey | quote }}
              labelSelector:
                matchLabels:
                  {{- include "statefulset.slotSelectorLabels" (dict "context" . "slot" $slot) | nindent 18 }}
          {{- else }}
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: {{ $spread.weight | int64 }}
              podAffinityTerm:
                topologyKey: {{ $spread.topologyKey | quote }}
                labelSelector:
                  matchLabels:
                    {{- include "statefulset.slotSelectorLabels" (dict "context" . "slot" $slot) | nindent 20 }}
          {{- end }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
  {{- if and .Values.persistence.enabled $claims }}
  volumeClaimTemplates:
    {{- range $claim, $settings := $claims }}
    - apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: {{ $claim | quote }}
        # Claim templates are immutable: selector labels only, nothing that changes between versions.
        labels:
          {{- include "statefulset.slotSelectorLabels" (dict "context" $.context "slot" $slot) | nindent 10 }}
      spec:
        accessModes:
          {{- toYaml $settings.accessModes | nindent 10 }}
        {{- if $settings.storageClass }}
        {{- if eq "-" $settings.storageClass }}
        storageClassName: ""
        {{- else }}
        storageClassName: {{ $settings.storageClass | quote }}
        {{- end }}
        {{- end }}
        resources:
          requests:
            storage: {{ $settings.size | quote }}
    {{- end }}
  {{- end }}
{{- end -}}
{{- end -}}
