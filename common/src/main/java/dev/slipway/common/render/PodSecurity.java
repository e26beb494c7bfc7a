package dev.slipway.common.render;

import static dev.slipway.common.render.GatewayDefaults.GATEWAY_GID;
import static dev.slipway.common.render.GatewayDefaults.GATEWAY_UID;
import static dev.slipway.common.render.GatewayDefaults.SECRET_TOKEN_KEY;
import static dev.slipway.common.render.GatewayDefaults.TMP_MOUNT_PATH;
import static dev.slipway.common.render.GatewayDefaults.TMP_SIZE_LIMIT;
import static dev.slipway.common.render.GatewayDefaults.TMP_VOLUME;
import static dev.slipway.common.render.GatewayDefaults.TOKEN_FILE_MODE;
import static dev.slipway.common.render.GatewayDefaults.TOKEN_MOUNT_PATH;
import static dev.slipway.common.render.GatewayDefaults.TOKEN_VOLUME;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes a gateway pod pass the "restricted" Pod Security Standard that the tenant namespaces
 * enforce (deploy/k8s/tenant-namespace/namespace.yaml): a non-root user, no privilege escalation,
 * no capabilities, the runtime's seccomp profile and a read-only root filesystem. The only writable
 * path is an emptyDir at /tmp; the token is also mounted read-only as a file (a Secret volume,
 * allowed by the profile) because Kubernetes refreshes a mounted Secret after a rotation, which it
 * never does for the env var the gateway reads today.
 */
final class PodSecurity {
  private PodSecurity() {}

  /** Pod-level settings, volumes and no service-account token; the pod never calls the API. */
  static void secure(PodSpec pod, String slug) {
    PodSecurityContext context = new PodSecurityContext();
    context.setRunAsNonRoot(true);
    context.setRunAsUser(GATEWAY_UID);
    context.setRunAsGroup(GATEWAY_GID);
    // Files of the token volume get this group, so the non-root user can read them.
    context.setFsGroup(GATEWAY_GID);
    context.setSeccompProfile(runtimeDefault());
    pod.setSecurityContext(context);
    pod.setAutomountServiceAccountToken(false);
    // Without this every Service of the namespace (thousands of tenants) becomes env vars of every
    // pod: other tenants' addresses, and an environment that grows with the namespace.
    pod.setEnableServiceLinks(false);
    pod.setVolumes(new ArrayList<>(List.of(tmp(), token(slug))));
  }

  static SecurityContext container() {
    Capabilities capabilities = new Capabilities();
    capabilities.setDrop(new ArrayList<>(List.of("ALL")));
    SecurityContext context = new SecurityContext();
    context.setAllowPrivilegeEscalation(false);
    context.setCapabilities(capabilities);
    context.setReadOnlyRootFilesystem(true);
    context.setRunAsNonRoot(true);
    context.setSeccompProfile(runtimeDefault());
    return context;
  }

  static List<VolumeMount> mounts() {
    return new ArrayList<>(
        List.of(
            mount(TMP_VOLUME, TMP_MOUNT_PATH, false), mount(TOKEN_VOLUME, TOKEN_MOUNT_PATH, true)));
  }

  private static Volume tmp() {
    EmptyDirVolumeSource emptyDir = new EmptyDirVolumeSource();
    // Counted against the node's disk: the limit stops one tenant filling it.
    emptyDir.setSizeLimit(new Quantity(TMP_SIZE_LIMIT));
    Volume volume = new Volume();
    volume.setName(TMP_VOLUME);
    volume.setEmptyDir(emptyDir);
    return volume;
  }

  private static Volume token(String slug) {
    KeyToPath item = new KeyToPath();
    item.setKey(SECRET_TOKEN_KEY);
    item.setPath(SECRET_TOKEN_KEY);
    SecretVolumeSource secret = new SecretVolumeSource();
    secret.setSecretName(slug);
    secret.setItems(new ArrayList<>(List.of(item)));
    secret.setDefaultMode(TOKEN_FILE_MODE);
    Volume volume = new Volume();
    volume.setName(TOKEN_VOLUME);
    volume.setSecret(secret);
    return volume;
  }

  private static VolumeMount mount(String name, String path, boolean readOnly) {
    VolumeMount mount = new VolumeMount();
    mount.setName(name);
    mount.setMountPath(path);
    mount.setReadOnly(readOnly);
    return mount;
  }

  private static SeccompProfile runtimeDefault() {
    SeccompProfile profile = new SeccompProfile();
    profile.setType("RuntimeDefault");
    return profile;
  }
}
