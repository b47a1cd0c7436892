/// The distinct element and attribute names of one document, each given a small number in the order first met.
///
/// Elements and attributes then carry their name's number, and what depends only on names (the DTD rules that
/// apply, whether a child or attribute is declared) is worked out once per name or pair of names rather than once
/// per element. Names are found by a cheap hash of their bytes (FNV-1a) in an open-addressed table kept at most
/// half full, so a hostile document with many distinct names still costs linear time.
struct CXMLNameTable {
    /// The names, by number.
    private(set) var names: [String] = []
    /// Whether every name is ASCII (then two names are equal as strings exactly when their bytes are).
    private(set) var isASCII = true
    /// Name numbers by hash slot; -1: empty. 256 from the start: a typical order has about 75 names, and with 64 slots
    /// the table was rehashed twice a document (about 1 instruction a byte of the decode).
    private var slots = [Int32](repeating: -1, count: 256)

    /// The names met last, with their numbers, by ``identity(of:)``: the reader hands out the same string for each
    /// element or attribute name of a kind, so most names are found here without hashing their bytes.
    /// (Two arrays: one of tuples is destroyed through the runtime's generic, slower, tuple code.)
    private var recentNames = [String](repeating: "", count: 256)
    private var recentIDs = [Int32](repeating: -1, count: 256)

    /// The number of `name`, given one if it is new.
    mutating func id(of name: String) -> Int32 {
        let identity = Self.identity(of: name)
        // 256 entries: with 64, names of one document evicted each other (a third of the look-ups hashed the bytes).
        let recentSlot = Self.slot(of: identity, shift: 56)
        if self.recentIDs[recentSlot] >= 0 && Self.identity(of: self.recentNames[recentSlot]) == identity {
            return self.recentIDs[recentSlot]
        }
        let id = self.hashedID(of: name)
        self.recentNames[recentSlot] = name
        self.recentIDs[recentSlot] = id
        return id
    }

    /// The raw bits of a string: equal for two strings only when they hold the same bytes (a small string's bits
    /// are its bytes; a larger one's are its count and storage, which cannot change while a copy holds it).
    /// Unequal bits say nothing: the names are then compared by value.
    static func identity(of name: String) -> (UInt64, UInt64) {
        unsafeBitCast(name, to: (UInt64, UInt64).self)
    }

    /// The slot of a string's bits in a direct-mapped table of 64 (`1 << (64 - shift)` entries: 256 with 56).
    static func slot(of identity: (UInt64, UInt64), shift: UInt64 = 58) -> Int {
        let mixed = (identity.0 ^ identity.1 &* 0x9E37_79B9_7F4A_7C15) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> shift)
    }

    private mutating func hashedID(of name: String) -> Int32 {
        var slot = Self.hash(name) & (self.slots.count - 1)
        while true {
            let id = self.slots[slot]
            if id < 0 { break }
            if self.names[Int(id)] == name { return id }
            slot = (slot + 1) & (self.slots.count - 1)
        }
        let id = Int32(truncatingIfNeeded: self.names.count)
        if self.isASCII {
            var name = name
            self.isASCII = name.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
        }
        self.names.append(name)
        self.slots[slot] = id
        if self.names.count * 2 > self.slots.count { self.grow() }
        return id
    }

    /// The number of `name`, or `nil` when no element or attribute of the document has it.
    func find(_ name: String) -> Int32? {
        var slot = Self.hash(name) & (self.slots.count - 1)
        while true {
            let id = self.slots[slot]
            if id < 0 { return nil }
            if self.names[Int(id)] == name { return id }
            slot = (slot + 1) & (self.slots.count - 1)
        }
    }

    private mutating func grow() {
        var slots = [Int32](repeating: -1, count: self.slots.count * 2)
        for (id, name) in self.names.enumerated() {
            var slot = Self.hash(name) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(truncatingIfNeeded: id)
        }
        self.slots = slots
    }

    private static func hash(_ name: String) -> Int {
        // Over the bytes in place (a native string's, or a small one's copied to the stack): walking the UTF-8
        // view byte by byte costs several times more.
        var name = name
        return name.withUTF8 { bytes in
            var hash: UInt32 = 2_166_136_261
            for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return Int(hash ^ hash >> 15)
        }
    }
}
