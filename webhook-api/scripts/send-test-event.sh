#!/usr/bin/env bash
# Sends one signed lead-capture event to the webhook API, as a chatbot would, and prints the answer.
#
# Usage: send-test-event.sh [--conversation-id ID] [--keep-conversation-id] [EVENT_JSON_FILE]
#
#   EVENT_JSON_FILE         default: the example event of docs/architecture.md (src/test/resources/events/example-lead.json)
#   --conversation-id ID    use ID as conversation_id (send twice to see a duplicate answered 200)
#   --keep-conversation-id  send the file's conversation_id unchanged
#   otherwise               a fresh conversation id (conv-test-<random>), so every run starts a new lead
#
# Environment:
#   LEADS_WEBHOOK_SECRETS   the API's secrets; the first one signs (whsec_<base64> or a plain string);
#                           unset: the secret scripts/run-local.sh generated (.run/webhook-secret)
#   LEADS_API_URL           default http://127.0.0.1:8080
#
# Signs with Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature: v1,<base64>
# over "id.timestamp.body"). Needs bash, openssl, curl; no JVM.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
event_file="${script_dir}/../src/test/resources/events/example-lead.json"
conversation_id=""
keep_conversation_id=false

usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --conversation-id)
      [[ $# -ge 2 ]] || { echo "--conversation-id needs a value" >&2; exit 2; }
      conversation_id="$2"; shift 2 ;;
    --keep-conversation-id) keep_conversation_id=true; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) event_file="$1"; shift ;;
  esac
done

for tool in openssl curl; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 2; }
done
[[ -r "$event_file" ]] || { echo "cannot read event file: $event_file" >&2; exit 2; }

secret="${LEADS_WEBHOOK_SECRETS:-}"
local_secret="${script_dir}/../../.run/webhook-secret"   # written by scripts/run-local.sh
if [[ -z "$secret" && -r "$local_secret" ]]; then
  secret="$(cat "$local_secret")"
fi
secret="${secret%%,*}"                         # the first of the comma-separated secrets
secret="${secret#"${secret%%[![:space:]]*}"}"  # trim leading
secret="${secret%"${secret##*[![:space:]]}"}"  # and trailing whitespace
if [[ -z "$secret" ]]; then
  echo "LEADS_WEBHOOK_SECRETS is not set; export the same secret(s) the API runs with" >&2
  exit 2
fi

# The HMAC key as hex: whsec_ secrets are base64 key bytes, anything else is used as UTF-8 bytes.
if [[ "$secret" == whsec_* ]]; then
  key_hex="$(printf '%s' "${secret#whsec_}" | openssl base64 -d -A | od -An -v -tx1 | tr -d ' \n')"
  [[ -n "$key_hex" ]] || { echo "the first secret starts with whsec_ but is not valid base64" >&2; exit 2; }
else
  key_hex="$(printf '%s' "$secret" | od -An -v -tx1 | tr -d ' \n')"
fi

body="$(cat "$event_file")"
if [[ "$keep_conversation_id" == false ]]; then
  [[ -n "$conversation_id" ]] || conversation_id="conv-test-$(openssl rand -hex 6)"
fi
if [[ -n "$conversation_id" ]]; then
  # Replaces the value of the first "conversation_id" member; ids with quotes or backslashes are
  # not supported by this small script.
  body="$(printf '%s' "$body" | sed -E '0,/"conversation_id"[[:space:]]*:[[:space:]]*"[^"]*"/s//"conversation_id": "'"${conversation_id//&/\\&}"'"/')"
fi

msg_id="msg_$(openssl rand -hex 12)"
timestamp="$(date +%s)"
signature="$(printf '%s.%s.%s' "$msg_id" "$timestamp" "$body" \
  | openssl dgst -sha256 -mac HMAC -macopt "hexkey:${key_hex}" -binary | openssl base64 -A)"

url="${LEADS_API_URL:-http://127.0.0.1:8080}"
url="${url%/}/webhooks/lead-capture"
echo "POST ${url}  conversation_id=${conversation_id:-"(from file)"}  webhook-id=${msg_id}"

response="$(curl --silent --show-error --max-time 30 \
  --write-out '\n%{http_code} %header{retry-after}' \
  --header 'Content-Type: application/json' \
  --header "webhook-id: ${msg_id}" \
  --header "webhook-timestamp: ${timestamp}" \
  --header "webhook-signature: v1,${signature}" \
  --data-binary "$body" \
  "$url")"
status_line="${response##*$'\n'}"
status="${status_line%% *}"
retry_after="${status_line#* }"
printf '%s\nHTTP %s%s\n' "${response%$'\n'*}" "$status" "${retry_after:+ (Retry-After: ${retry_after}s)}"
