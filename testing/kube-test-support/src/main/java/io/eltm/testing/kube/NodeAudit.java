package io.eltm.testing.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The node's API server audit log: one JSON line per request made by a ServiceAccount outside
 * kube-system (level Metadata: who, verb, resource, namespace, name, the authorizer's decision; never a
 * request or response body, so no Secret content). Tests read it to prove that a component's RBAC is
 * exactly enough. The file is created beforehand by the launcher and owned by the test user; the API
 * server appends to it and keeps its owner.
 */
final class NodeAudit {

  static final String POLICY = """
      apiVersion: audit.k8s.io/v1
      kind: Policy
      omitStages: ["RequestReceived"]
      rules:
      - level: None
        userGroups: ["system:serviceaccounts:kube-system"]
      - level: Metadata
        userGroups: ["system:serviceaccounts"]
      - level: None
      """;

  private NodeAudit() {
  }

  /** The API server's flags writing the audit log to {@code log}, its policy written into {@code dir}. */
  static List<String> apiServerFlags(Path dir, Path log) {
    try {
      Path policy = Files.writeString(dir.resolve("audit-policy.yaml"), POLICY);
      return List.of("--audit-policy-file=" + policy, "--audit-log-path=" + log,
          "--audit-log-format=json", "--audit-log-maxsize=4096", "--audit-log-maxbackup=1",
          "--audit-log-mode=blocking");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit policy into " + dir, e);
    }
  }
}
