package dev.slipway.common.render;

import java.util.Locale;

/**
 * Which ingress controller serves tenant gateways. Both keep WebSocket (seed 000's {@code wss://})
 * and server-sent-event streams (seed 004) open for the configured stream timeout; the defaults of
 * both controllers (60 s) would cut an idle stream every minute.
 */
public enum IngressProfile {
  /**
   * ingress-nginx: TLS from cert-manager (a Secret per tenant), proxy read/send timeouts raised,
   * response buffering off so events reach clients as they are written.
   */
  NGINX,
  /**
   * AWS Load Balancer Controller: tenants share one ALB through an IngressGroup, targets are pod
   * IPs, the ALB idle timeout is raised, and TLS comes from ACM (certificate discovery by host), so
   * no cert-manager Secret.
   */
  ALB;

  /** Parses {@code nginx} or {@code alb}, as written in configuration. */
  public static IngressProfile of(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("ingressProfile must be nginx or alb, got " + name);
    }
  }
}
