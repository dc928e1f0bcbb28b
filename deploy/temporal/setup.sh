#!/bin/sh
# One-shot set-up of the Compose Temporal namespace, run by the temporal-setup service with the
# admin-tools image: wait until the frontend is healthy and auto-setup has created the namespace,
# set its retention, and create the lead search attributes. Safe to run again.
set -eu

: "${TEMPORAL_ADDRESS:?}"
: "${TEMPORAL_NAMESPACE:=default}"
: "${TEMPORAL_RETENTION:=720h}"

# The keys of com.leadprocessor.workflow.LeadSearchAttributes (scripts/check-compose.sh checks
# that they match).
SEARCH_ATTRIBUTES="LeadStatus LeadFailedStep LeadRoute LeadEmailHash"

echo "Waiting for the Temporal frontend at ${TEMPORAL_ADDRESS}..."
until temporal operator cluster health --command-timeout 3s >/dev/null 2>&1; do
  sleep 2
done

echo "Waiting for namespace ${TEMPORAL_NAMESPACE}..."
until temporal operator namespace describe --namespace "${TEMPORAL_NAMESPACE}" >/dev/null 2>&1; do
  sleep 2
done

# How long Temporal keeps a closed lead's history (and its personal data, sealed by the payload
# codec); duplicate deliveries are recognised for as long. docs/data-protection.md.
temporal operator namespace update --namespace "${TEMPORAL_NAMESPACE}" \
  --retention "${TEMPORAL_RETENTION}"

for name in ${SEARCH_ATTRIBUTES}; do
  if temporal operator search-attribute list --namespace "${TEMPORAL_NAMESPACE}" \
      | grep -qw "${name}"; then
    echo "Search attribute ${name} exists"
  else
    temporal operator search-attribute create --namespace "${TEMPORAL_NAMESPACE}" \
      --name "${name}" --type Keyword
    echo "Created search attribute ${name} (Keyword)"
  fi
done
echo "Temporal namespace ${TEMPORAL_NAMESPACE} is ready for leads."
