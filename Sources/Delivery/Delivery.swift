/// Delivery channels: partner outbox folders and HTTP POST of cXML.
public enum Delivery {}
