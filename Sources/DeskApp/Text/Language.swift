/// The languages the desk speaks. German is the default; English is the second.
public enum Language: String, Sendable, CaseIterable {
    case german = "de"
    case english = "en"

    /// The language for this run: `--lang` wins; otherwise the locale, where the first
    /// non-empty of `LC_ALL`, `LC_MESSAGES` and `LANG` decides (POSIX order); a locale
    /// starting with `en` gives English, anything else German.
    public static func resolve(option: Language?, environment: [String: String]) -> Language {
        if let option {
            return option
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .lazy
            .compactMap { environment[$0] }
            .first { !$0.isEmpty }
        guard let locale, locale.lowercased().hasPrefix("en") else { return .german }
        return .english
    }
}
