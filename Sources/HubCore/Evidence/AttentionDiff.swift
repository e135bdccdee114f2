/// Which attention items are new between two moments (for `status --watch` events and notifications).
public enum AttentionDiff {
    public static func added(from old: [AttentionItem], to new: [AttentionItem]) -> [AttentionItem] {
        func key(_ item: AttentionItem) -> String { item.session + "\u{0}" + (item.agent ?? "") + "\u{0}" + item.reason.rawValue }
        let before = Set(old.map(key))
        return new.filter { !before.contains(key($0)) }
    }
}
