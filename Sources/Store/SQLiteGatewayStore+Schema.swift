import GRDB

extension SQLiteGatewayStore {
    /// The schema, as an append-only list of named migrations.
    ///
    /// NEVER EDIT A SHIPPED MIGRATION: a database that already ran it would not run it again and would silently
    /// differ from a new one. Change the schema by appending a new migration ("v2 ...") at the end.
    ///
    /// Dates are REAL seconds since 2001-01-01 00:00:00 UTC (Foundation's reference date), so a `Date` round-trips
    /// exactly and orders correctly; in the sqlite3 shell, `datetime(at + 978307200, 'unixepoch')` shows one.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 inbound files, queue, control numbers, history") { db in
            try db.execute(sql: SQLiteGatewayStore.version1)
        }
        migrator.registerMigration("v2 tracking: order legs, versions, alerts") { db in
            try db.execute(sql: SQLiteGatewayStore.version2)
        }
        migrator.registerMigration("v3 every group an order leg was sent in") { db in
            try db.execute(sql: SQLiteGatewayStore.version3)
        }
        migrator.registerMigration("v4 payloads and order documents apart from the rows that change") { db in
            try db.execute(sql: SQLiteGatewayStore.version4)
        }
        return migrator
    }()

    /// Creates a file migrated only up to `migration`, then runs `sql` on it: a file written by an older Porter,
    /// for the migration tests.
    static func makeFile(at path: String, migratedUpTo migration: String, then sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try Self.migrator.migrate(queue, upTo: migration)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }

    private static let version1 = """
        CREATE TABLE inbound_files (
          id INTEGER PRIMARY KEY,
          claim TEXT NOT NULL UNIQUE,
          original_name TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          size INTEGER NOT NULL,
          partner TEXT,
          received_at REAL NOT NULL,
          outcome TEXT NOT NULL CHECK (outcome IN ('processed', 'duplicate', 'failed', 'quarantined')),
          outcome_reason TEXT,
          stored_path TEXT NOT NULL
        );
        CREATE INDEX inbound_files_content_hash ON inbound_files(content_hash, id);
        CREATE INDEX inbound_files_received_at ON inbound_files(received_at);

        CREATE TABLE documents (
          id INTEGER PRIMARY KEY,
          claim TEXT NOT NULL REFERENCES inbound_files(claim) ON DELETE CASCADE,
          kind TEXT NOT NULL,
          partner TEXT,
          order_number TEXT,
          control_reference TEXT NOT NULL,
          is_test INTEGER NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('routed', 'held', 'rejected', 'recorded', 'duplicate')),
          status_reason TEXT,
          json BLOB NOT NULL
        );
        CREATE INDEX documents_claim ON documents(claim, id);
        CREATE INDEX documents_order_number ON documents(order_number) WHERE order_number IS NOT NULL;

        -- Duplicate guards: kept by the retention sweep, not tied to the file rows it removes.
        CREATE TABLE interchange_keys (
          sender TEXT NOT NULL,
          receiver TEXT NOT NULL,
          control_number TEXT NOT NULL,
          claim TEXT NOT NULL,
          received_at REAL NOT NULL,
          PRIMARY KEY (sender, receiver, control_number)
        ) WITHOUT ROWID;
        CREATE TABLE payload_ids (
          payload_id TEXT NOT NULL PRIMARY KEY,
          claim TEXT NOT NULL,
          received_at REAL NOT NULL
        ) WITHOUT ROWID;

        -- The highest inbound ISA13 seen per partner (gap detection).
        CREATE TABLE inbound_control_numbers (
          partner TEXT NOT NULL PRIMARY KEY,
          highest INTEGER NOT NULL,
          updated_at REAL NOT NULL
        ) WITHOUT ROWID;

        -- The last outbound ISA13 and GS06 handed out per partner.
        CREATE TABLE control_numbers (
          partner TEXT NOT NULL PRIMARY KEY,
          interchange INTEGER NOT NULL CHECK (interchange BETWEEN 0 AND 999999999),
          group_number INTEGER NOT NULL CHECK (group_number BETWEEN 0 AND 999999999),
          updated_at REAL NOT NULL
        ) WITHOUT ROWID;

        -- The distribution queue. AUTOINCREMENT: an id is never reused after a sweep (audit subjects name it).
        CREATE TABLE messages (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          source_claim TEXT NOT NULL REFERENCES inbound_files(claim),
          partner TEXT NOT NULL,
          document_kind TEXT NOT NULL,
          format TEXT NOT NULL,
          target_kind TEXT NOT NULL CHECK (target_kind IN ('directory', 'http')),
          target TEXT NOT NULL,
          file_name TEXT NOT NULL,
          payload BLOB NOT NULL,
          control_reference TEXT NOT NULL,
          order_number TEXT,
          is_test INTEGER NOT NULL,
          is_copy INTEGER NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('pending', 'inFlight', 'delivered', 'dead')),
          attempts INTEGER NOT NULL DEFAULT 0,
          created_at REAL NOT NULL,
          next_attempt_at REAL NOT NULL,
          lease_until REAL,
          delivered_at REAL,
          finished_at REAL,
          last_error TEXT,
          due_at REAL GENERATED ALWAYS AS (
            CASE state WHEN 'pending' THEN next_attempt_at WHEN 'inFlight' THEN lease_until END
          ) VIRTUAL
        );
        CREATE INDEX messages_due ON messages(due_at, id) WHERE due_at IS NOT NULL;
        CREATE INDEX messages_state ON messages(state, id);
        CREATE INDEX messages_finished_at ON messages(finished_at) WHERE finished_at IS NOT NULL;
        CREATE INDEX messages_source_claim ON messages(source_claim);
        CREATE INDEX messages_order_number ON messages(order_number) WHERE order_number IS NOT NULL;

        CREATE TABLE attempts (
          id INTEGER PRIMARY KEY,
          message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
          number INTEGER NOT NULL,
          at REAL NOT NULL,
          result TEXT NOT NULL CHECK (result IN ('delivered', 'retry', 'dead')),
          detail TEXT NOT NULL
        );
        CREATE INDEX attempts_message ON attempts(message_id, id);

        CREATE TABLE duplicates (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('content', 'interchange', 'payloadID')),
          key TEXT NOT NULL,
          claim TEXT NOT NULL,
          partner TEXT,
          at REAL NOT NULL
        );
        CREATE INDEX duplicates_at ON duplicates(at, id);

        CREATE TABLE control_number_gaps (
          id INTEGER PRIMARY KEY,
          partner TEXT NOT NULL,
          previous INTEGER NOT NULL,
          received INTEGER NOT NULL,
          claim TEXT NOT NULL,
          at REAL NOT NULL
        );
        CREATE INDEX control_number_gaps_at ON control_number_gaps(at, id);

        -- Order timelines: `porter track PO` reads one order's events in time order from the first index.
        CREATE TABLE tracking_events (
          id INTEGER PRIMARY KEY,
          order_number TEXT NOT NULL,
          partner TEXT,
          kind TEXT NOT NULL,
          at REAL NOT NULL,
          detail TEXT NOT NULL,
          claim TEXT
        );
        CREATE INDEX tracking_events_order ON tracking_events(order_number, at, id);
        CREATE INDEX tracking_events_at ON tracking_events(at, id);

        CREATE TABLE audit_log (
          id INTEGER PRIMARY KEY,
          at REAL NOT NULL,
          subject TEXT NOT NULL,
          event TEXT NOT NULL,
          detail TEXT NOT NULL
        );
        CREATE INDEX audit_log_subject ON audit_log(subject, at, id);
        CREATE INDEX audit_log_at ON audit_log(at, id);
        """

    /// Order tracking (issue 8). Every figure of `porter status` reads an index, never the whole `orders` table:
    /// see ``SQLiteGatewayStore/statusReport()``.
    private static let version2 = """
        -- One row per order leg (an order number as sent to one supplier).
        CREATE TABLE orders (
          order_number TEXT NOT NULL,
          partner TEXT NOT NULL,
          buyer TEXT,
          status TEXT NOT NULL CHECK (status IN ('distributed', 'delivered', 'acknowledged', 'acknowledgmentRejected',
            'confirmed', 'confirmedWithChanges', 'rejected', 'changed', 'partiallyShipped', 'shipped', 'cancelled',
            'closed')),
          version INTEGER NOT NULL CHECK (version >= 1),
          is_blanket INTEGER NOT NULL,
          distributed_at REAL NOT NULL,
          updated_at REAL NOT NULL,
          delivered_at REAL,
          acknowledged_at REAL,
          confirmed_at REAL,
          shipped_at REAL,
          acknowledgment_due REAL,
          confirmation_due REAL,
          acknowledgment_allowance REAL NOT NULL,
          confirmation_allowance REAL NOT NULL,
          acknowledged_on_time INTEGER,
          group_control_number TEXT,
          control_reference TEXT,
          discrepancy_count INTEGER NOT NULL CHECK (discrepancy_count >= 0),
          document BLOB NOT NULL,
          reconciliation BLOB NOT NULL,
          -- Derived columns, written by the store with the leg and checked here: plain columns, so the indexes on
          -- them answer `porter status` alone (SQLite does not treat an index on a generated column as covering).
          -- The earlier pending deadline (min() of a NULL is NULL, hence the coalesce).
          next_due REAL CHECK (
            next_due IS coalesce(min(acknowledgment_due, confirmation_due), acknowledgment_due, confirmation_due)),
          ack_latency REAL CHECK (ack_latency IS acknowledged_at - delivered_at),
          confirm_latency REAL CHECK (confirm_latency IS confirmed_at - delivered_at),
          -- For the on-time rate: 1 acknowledged in time, 0 late or overdue (delivered, a 997 awaited, none came and
          -- the deadline is gone: the overdue alert was raised), NULL not counted.
          ack_outcome INTEGER CHECK (ack_outcome IS
            CASE
              WHEN acknowledged_on_time IS NOT NULL THEN acknowledged_on_time
              WHEN acknowledged_at IS NULL AND acknowledgment_due IS NULL AND delivered_at IS NOT NULL
                AND acknowledgment_allowance > 0 THEN 0
            END),
          -- For the discrepancy rate: NULL until an 855 or 856 came, then whether it differed.
          discrepant INTEGER CHECK (discrepant IS
            CASE WHEN confirmed_at IS NOT NULL OR shipped_at IS NOT NULL THEN discrepancy_count > 0 END),
          PRIMARY KEY (order_number, partner)
        );
        CREATE INDEX orders_next_due ON orders(next_due, order_number, partner) WHERE next_due IS NOT NULL;
        CREATE INDEX orders_group ON orders(partner, group_control_number, order_number);
        CREATE INDEX orders_ack_latency ON orders(partner, ack_latency) WHERE ack_latency IS NOT NULL;
        CREATE INDEX orders_confirm_latency ON orders(partner, confirm_latency) WHERE confirm_latency IS NOT NULL;
        CREATE INDEX orders_ack_outcome ON orders(partner, ack_outcome) WHERE ack_outcome IS NOT NULL;
        CREATE INDEX orders_discrepant ON orders(partner, discrepant) WHERE discrepant IS NOT NULL;
        CREATE INDEX orders_changed ON orders(partner, version) WHERE version > 1;
        CREATE INDEX orders_status ON orders(status, updated_at);

        CREATE TABLE order_versions (
          order_number TEXT NOT NULL,
          partner TEXT NOT NULL,
          version INTEGER NOT NULL,
          kind TEXT NOT NULL,
          at REAL NOT NULL,
          document BLOB NOT NULL,
          order_json BLOB NOT NULL,
          PRIMARY KEY (order_number, partner, version)
        );

        -- AUTOINCREMENT: ids and sequences are never reused after a sweep (alerts.jsonl names them).
        CREATE TABLE alerts (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL,
          key TEXT NOT NULL,
          partner TEXT,
          order_number TEXT,
          message TEXT NOT NULL,
          evidence TEXT NOT NULL,
          raised_at REAL NOT NULL,
          closed_at REAL,
          closed_because TEXT,
          CHECK ((closed_at IS NULL) = (closed_because IS NULL))
        );
        -- At most one open alert per kind and key.
        CREATE UNIQUE INDEX alerts_open_key ON alerts(kind, key) WHERE closed_at IS NULL;
        CREATE INDEX alerts_open ON alerts(raised_at, id) WHERE closed_at IS NULL;
        CREATE INDEX alerts_open_partner ON alerts(partner, raised_at, id) WHERE closed_at IS NULL;
        CREATE INDEX alerts_order ON alerts(order_number, raised_at, id) WHERE order_number IS NOT NULL;
        CREATE INDEX alerts_raised ON alerts(raised_at, id);
        CREATE INDEX alerts_closed_at ON alerts(closed_at) WHERE closed_at IS NOT NULL;

        CREATE TABLE alert_events (
          sequence INTEGER PRIMARY KEY AUTOINCREMENT,
          alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
          change TEXT NOT NULL CHECK (change IN ('raised', 'closed')),
          at REAL NOT NULL
        );
        CREATE INDEX alert_events_alert ON alert_events(alert_id);

        -- The last alert event written to alerts/alerts.jsonl.
        CREATE TABLE alert_export (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          sequence INTEGER NOT NULL
        );
        INSERT INTO alert_export (id, sequence) VALUES (1, 0);

        -- Per-partner file counts and error rate.
        CREATE INDEX inbound_files_partner_outcome ON inbound_files(partner, outcome);
        """

    /// A 997 answers the group it acknowledges, which may be an earlier version's group than the leg's latest
    /// (the 850's 997 arriving after the 860 went out): every group a leg was sent in is kept.
    static let version3 = """
        CREATE TABLE order_groups (
          partner TEXT NOT NULL,
          group_control_number TEXT NOT NULL,
          order_number TEXT NOT NULL,
          PRIMARY KEY (partner, group_control_number, order_number)
        ) WITHOUT ROWID;
        INSERT INTO order_groups (partner, group_control_number, order_number)
          SELECT partner, group_control_number, order_number FROM orders WHERE group_control_number IS NOT NULL;
        """

    /// A message's payload and an order leg's documents in tables of their own. A queue row changes state two or
    /// three times (claimed, delivered or retried), a leg as its 997, 855 and 856 arrive, and SQLite rewrites a
    /// whole row, overflow pages included, on every update. With the large values apart, those updates write a few
    /// dozen bytes instead of the payload or the order again each time (a 4 KB JSON order was written three times
    /// into the WAL). A leg's documents are written only when they change.
    static let version4 = """
        CREATE TABLE message_payloads (
          message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
          payload BLOB NOT NULL
        );
        INSERT INTO message_payloads (message_id, payload) SELECT id, payload FROM messages;
        ALTER TABLE messages DROP COLUMN payload;

        CREATE TABLE order_documents (
          order_number TEXT NOT NULL,
          partner TEXT NOT NULL,
          document BLOB NOT NULL,
          reconciliation BLOB NOT NULL,
          PRIMARY KEY (order_number, partner)
        );
        INSERT INTO order_documents (order_number, partner, document, reconciliation)
          SELECT order_number, partner, document, reconciliation FROM orders;
        ALTER TABLE orders DROP COLUMN document;
        ALTER TABLE orders DROP COLUMN reconciliation;
        """
}
