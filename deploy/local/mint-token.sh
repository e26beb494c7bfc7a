#!/usr/bin/env bash
# Mints a JWT for the local stack with openssl, signed with its development key.
#   source .slipway/local.env
#   deploy/local/mint-token.sh tenant <tenant-id>     # a token scoped to one tenant
#   deploy/local/mint-token.sh ops                    # a read-only ops token
# Optional: SUBJECT (default local-<role>), TTL_SECONDS (default 3600).
# Without openssl or sourcing anything: ./slipway cli token ops|admin|tenant --tenant <id|slug>
# (cli/README.md), same claims and key. This script stays for shells without a JDK build.
set -euo pipefail
role="${1:?usage: mint-token.sh admin|ops|tenant [tenant-id]}"
tenant="${2:-}"
: "${SLIPWAY_DEV_JWT_KEY:?source .slipway/local.env first}"
[ "$role" != tenant ] || [ -n "$tenant" ] || { echo "a tenant token needs the tenant id" >&2; exit 2; }

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
exp=$((now + ${TTL_SECONDS:-3600}))
claim=""
[ -z "$tenant" ] || claim=",\"tenant\":\"$tenant\""
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","groups":["%s"]%s,"iat":%d,"exp":%d}' \
  "$SLIPWAY_DEV_JWT_ISSUER" "$SLIPWAY_DEV_JWT_AUDIENCE" "${SUBJECT:-local-$role}" "$role" \
  "$claim" "$now" "$exp" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" \
  | openssl dgst -sha256 -sign "$SLIPWAY_DEV_JWT_KEY" | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
