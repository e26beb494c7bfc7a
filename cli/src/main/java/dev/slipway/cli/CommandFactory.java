package dev.slipway.cli;

import picocli.CommandLine;

/** Hands the invocation's {@link Session} to every command that takes one in its constructor. */
final class CommandFactory implements CommandLine.IFactory {
  private final Session session;

  CommandFactory(Session session) {
    this.session = session;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      var constructor = type.getDeclaredConstructor(Session.class);
      constructor.setAccessible(true);
      return constructor.newInstance(session);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
  }
}
