import CLibXML2
import Diagnostics

/// Stage 6, **check**: finds broken links in a folder of built HTML. (Being written.)
public enum LinkChecker {
    /// The version of libxml2 the checker parses HTML with.
    public static let parserVersion = LIBXML_DOTTED_VERSION
}
