package io.eltm.testing.kube;

/** The fresh namespace created for one test method; removed after it. */
public record TestNamespace(String name) {
}
