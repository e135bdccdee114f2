/// What a list row stands for, by identity (its path), so a selection survives reloads and filters.
enum ItemID: Hashable, Sendable {
    case stub(String)
    case session(String)
    /// A session's row in the NEEDS YOU group (the same session may also be listed below).
    case attention(String)
    /// A far row: the remote's name, and the item's identity there.
    indirect case remote(String, ItemID)
}
