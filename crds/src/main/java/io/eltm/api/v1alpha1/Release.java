package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A release tarball to fetch: its URL (or URL template) and, optionally, its expected sha256. */
public class Release {

  /** The token of a URL template that the operator replaces with the version. */
  public static final String VERSION_TOKEN = "{version}";

  @Required
  @Pattern("^https?://[^\\s]+$")
  @JsonPropertyDescription("The release tarball's http(s) URL, or a URL template where {version} stands for the"
      + " version, e.g. https://releases.example.com/eltm-{version}.tar.gz. Other schemes are refused.")
  private String url;

  @Pattern("^[0-9a-fA-F]{64}$")
  @JsonPropertyDescription("The tarball's expected sha256 (64 hex digits). When set, a tarball with another digest"
      + " is refused before anything changes. Leave it unset for a URL template.")
  private String sha256;

  public Release() {
  }

  public Release(String url, String sha256) {
    this.url = url;
    this.sha256 = sha256;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getSha256() {
    return sha256;
  }

  public void setSha256(String sha256) {
    this.sha256 = sha256;
  }
}
