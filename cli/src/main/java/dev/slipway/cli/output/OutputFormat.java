package dev.slipway.cli.output;

/** {@code -o}: a table for people (default), or the API's JSON as is, or the same as YAML. */
public enum OutputFormat {
  table,
  json,
  yaml
}
