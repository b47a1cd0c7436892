/// A model value that writes itself in the canonical JSON form.
///
/// Each conformance writes its keys in sorted order (by UTF-8 bytes) and leaves out absent optionals and empty
/// arrays, matching what its `Codable` conformance reads. The tests hold every document to both rules.
protocol CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter)
}
