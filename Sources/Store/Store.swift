/// The gateway store: inbound files, documents, the distribution queue, control numbers, duplicates and the audit log.
public enum Store {}
