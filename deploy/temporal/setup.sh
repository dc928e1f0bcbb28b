#!/bin/sh
# One-shot set-up of the Compose Temporal namespace, run by the temporal-setup service with the
# admin-tools image: wait until the frontend is healthy and auto-setup has created the namespace,
# set its retention, and create the lead search attributes. Safe to run again.
set -eu

: "${TEMPORAL_ADDRESS:?}"
: "${TEMPORAL_NAMESPACE:=default}"
: "${TEMPORAL_RETENTION:=720h}"

# NAME=TYPE of every key of com.leadprocessor.workflow.LeadSearchAttributes; NamesInScriptsTest
# (workflows module) checks that they match.
SEARCH_ATTRIBUTES="LeadStatus=Keyword LeadFailedStep=Keyword LeadRoute=Keyword LeadEmailHash=Keyword"

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

for attribute in ${SEARCH_ATTRIBUTES}; do
  name="${attribute%%=*}"
  type="${attribute#*=}"
  if temporal operator search-attribute list --namespace "${TEMPORAL_NAMESPACE}" \
      | grep -qw "${name}"; then
    echo "Search attribute ${name} exists"
  else
    temporal operator search-attribute create --namespace "${TEMPORAL_NAMESPACE}" \
      --name "${name}" --type "${type}"
    echo "Created search attribute ${name} (${type})"
  fi
done
echo "Temporal namespace ${TEMPORAL_NAMESPACE} is ready for leads."
