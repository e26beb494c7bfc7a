package dev.slipway.deploy.checks;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** CIDR membership for IPv4 and IPv6 literals; an address of the other family never matches. */
final class Cidrs {
  private Cidrs() {}

  static boolean contains(String cidr, String ip) {
    String[] parts = cidr.split("/");
    byte[] network = bytes(parts[0]);
    byte[] address = bytes(ip);
    if (network.length != address.length) {
      return false;
    }
    int bits = network.length * 8;
    int prefix = parts.length == 1 ? bits : Integer.parseInt(parts[1]);
    if (prefix < 0 || prefix > bits) {
      throw new AssertionError("bad prefix in " + cidr);
    }
    int shift = bits - prefix;
    return new BigInteger(1, network)
        .shiftRight(shift)
        .equals(new BigInteger(1, address).shiftRight(shift));
  }

  /** Literals only: InetAddress does no lookup for them, and a host name is a mistake here. */
  private static byte[] bytes(String literal) {
    if (!literal.matches("[0-9a-fA-F:.]+")) {
      throw new AssertionError("not an IP literal: " + literal);
    }
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new AssertionError("not an IP literal: " + literal, e);
    }
  }
}
