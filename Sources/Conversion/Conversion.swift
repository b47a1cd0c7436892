/// Batch conversion of files, folders and archives (`porter convert`).
public enum Conversion {}
