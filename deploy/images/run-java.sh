#!/bin/sh
# Stand-in for run-java.sh of the UBI OpenJDK runtime images, installed by build-local-base at the
# same path, so that an image built on the local base has the same entrypoint and environment
# contract as one built on Quarkus' default base: JAVA_APP_JAR (the jar), JAVA_APP_DIR (working
# directory), JAVA_OPTS and JAVA_OPTS_APPEND (JVM options; the manifests under deploy/k8s set
# JAVA_OPTS_APPEND). Unlike the original it adds no JVM defaults of its own.
set -e
if [ -z "${JAVA_APP_JAR:-}" ]; then
  echo "run-java.sh: JAVA_APP_JAR is not set" >&2
  exit 64
fi
if [ -n "${JAVA_APP_DIR:-}" ]; then
  cd "$JAVA_APP_DIR"
fi
# Word splitting of the option variables is intended: each holds several options.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} ${JAVA_OPTS_APPEND:-} -jar "$JAVA_APP_JAR" "$@"
