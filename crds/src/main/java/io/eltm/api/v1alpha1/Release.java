package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A release tarball to fetch: its URL (or URL template) and how it is verified: a sha256, or a URL (template) of
 * its sha256 file. Plain {@code http://} with nothing to verify it by is refused unless {@code allowInsecureHttp}.
 */
@ValidationRule(value = Release.HTTP_NEEDS_CHECKSUM_RULE, message = Release.HTTP_NEEDS_CHECKSUM_MESSAGE,
    fieldPath = ".url", reason = "FieldValueInvalid")
@ValidationRule(value = Release.HTTP_CHECKSUM_URL_RULE, message = Release.HTTP_CHECKSUM_URL_MESSAGE,
    fieldPath = ".sha256Url", reason = "FieldValueInvalid")
@ValidationRule(value = "!has(self.sha256) || !has(self.sha256Url)", message = Release.ONE_CHECKSUM_MESSAGE,
    fieldPath = ".sha256Url", reason = "FieldValueInvalid")
public class Release {

  /** The token of a URL template that the operator replaces with the version. */
  public static final String VERSION_TOKEN = "{version}";

  static final String INSECURE_OPT_IN = "(has(self.allowInsecureHttp) && self.allowInsecureHttp)";
  static final String HTTP_NEEDS_CHECKSUM_RULE = "!self.url.startsWith('http://') || has(self.sha256)"
      + " || (has(self.sha256Url) && self.sha256Url.startsWith('https://')) || " + INSECURE_OPT_IN;
  public static final String HTTP_NEEDS_CHECKSUM_MESSAGE = "spec.release.url is plain http:// and nothing verifies"
      + " the tarball: set spec.release.sha256, an https:// spec.release.sha256Url, or spec.release.allowInsecureHttp:"
      + " true";
  static final String HTTP_CHECKSUM_URL_RULE = "!has(self.sha256Url) || !self.sha256Url.startsWith('http://') || "
      + INSECURE_OPT_IN;
  public static final String HTTP_CHECKSUM_URL_MESSAGE = "spec.release.sha256Url is plain http://: a checksum fetched"
      + " without TLS verifies nothing; use https:// or set spec.release.allowInsecureHttp: true";
  public static final String ONE_CHECKSUM_MESSAGE = "set at most one of spec.release.sha256 and"
      + " spec.release.sha256Url";

  @Required
  @Pattern("^https?://[^\\s]+$")
  @JsonPropertyDescription("The release tarball's http(s) URL, or a URL template where {version} stands for the"
      + " version, e.g. https://releases.example.com/eltm-{version}.tar.gz. Other schemes are refused.")
  private String url;

  @Pattern("^[0-9a-fA-F]{64}$")
  @JsonPropertyDescription("The tarball's expected sha256 (64 hex digits). When set, a tarball with another digest"
      + " is refused before anything changes. With a URL template use sha256Url instead (one digest fits one"
      + " version).")
  private String sha256;

  @Pattern("^https?://[^\\s]+$")
  @JsonPropertyDescription("The URL of the tarball's sha256 file (sha256sum output: the digest, optionally followed"
      + " by the file name; a file listing several tarballs is searched for the tarball's name), or a template where"
      + " {version} stands for the version, e.g. https://releases.example.com/eltm-{version}.tar.gz.sha256. The agent"
      + " fetches it and refuses a tarball with another digest, so changing spec.version alone stays verified.")
  private String sha256Url;

  @JsonPropertyDescription("Allow a plain http:// url (or sha256Url) with nothing fetched over TLS to verify it."
      + " Default false: such a release is refused at admission and by the agent.")
  private Boolean allowInsecureHttp;

  public Release() {
  }

  public Release(String url, String sha256) {
    this.url = url;
    this.sha256 = sha256;
  }

  public Release(String url, String sha256, String sha256Url, Boolean allowInsecureHttp) {
    this(url, sha256);
    this.sha256Url = sha256Url;
    this.allowInsecureHttp = allowInsecureHttp;
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

  public String getSha256Url() {
    return sha256Url;
  }

  public void setSha256Url(String sha256Url) {
    this.sha256Url = sha256Url;
  }

  public Boolean getAllowInsecureHttp() {
    return allowInsecureHttp;
  }

  public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
    this.allowInsecureHttp = allowInsecureHttp;
  }
}
