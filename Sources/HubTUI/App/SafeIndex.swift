/// An element that may not be there: rows point into a remote's summary, which another thread renews.
extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
