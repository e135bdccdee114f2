/// Whether the person's locale lets the screen draw UTF-8 — one rule for the screen and `doctor`.
/// The locale they chose is the first of `LC_ALL`, `LC_CTYPE`, `LANG` that is set and not empty
/// (an empty `LC_ALL` does not override the others, as in the C library).
public enum LocaleRule {
    public static func chosen(_ environment: [String: String]) -> String? {
        ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    }

    /// False when the chosen locale names an encoding other than UTF-8 (`C`, `POSIX`,
    /// `en_US.ISO-8859-1`): their terminal may not draw UTF-8. Unset means no opinion.
    public static func allowsUTF8(_ environment: [String: String]) -> Bool {
        guard let locale = chosen(environment)?.lowercased() else { return true }
        return locale.contains("utf-8") || locale.contains("utf8")
    }
}
