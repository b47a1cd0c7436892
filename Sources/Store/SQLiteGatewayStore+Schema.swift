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
        return migrator
    }()

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
}
