#!/usr/bin/env bash
# Creates or updates the ConfigMaps that hold the rules, the catalogue and the dialogue flows, from this
# repository's rules/ and conversations/ folders. Run from anywhere; pass kubectl options (e.g. -n advisor).
# The pods read these files at start-up: after a change, `kubectl rollout restart deployment/infra-advisor`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

drl_args=()
while IFS= read -r -d '' f; do drl_args+=("--from-file=$f"); done < <(find "$root/rules" -name '*.drl' -print0 | sort -z)

apply() { kubectl create configmap "$@" --dry-run=client -o yaml | kubectl apply "${kubectl_opts[@]}" -f -; }
kubectl_opts=("$@")

apply infra-advisor-rules "${drl_args[@]}"
apply infra-advisor-catalogue --from-file="$root/rules/catalogue/accelerators.yaml" --from-file="$root/rules/catalogue/assumptions.yaml"
apply infra-advisor-conversations --from-file="$root/conversations"
