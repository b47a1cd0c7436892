internal import Yams

/// The version of the partner-profile format this release of Porter reads (`version:` at the top of a profile).
public let partnerProfileFormatVersion = 1

/// Whether `text` parses as YAML; the Partners module reads every `Mappings/` file with Yams.
func isYAML(_ text: String) -> Bool { (try? Yams.compose(yaml: text)) != nil }
