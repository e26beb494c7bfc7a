package dev.slipway.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Duration options are checked while parsing, so a bad one stops the command before any request.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return Durations.parse(value);
    } catch (CliException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
