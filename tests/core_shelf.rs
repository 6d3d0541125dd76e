//! Many boards: the list format, which keys are a board's parts, backup rotation, time
//! formatting and what the Boards dialog lists.

use breadthfirst::core::persist::shelf::{
    backup_due, backup_text, board_name, index_text, next_id, parse_backup, parse_index, part_of,
    prefix, slot_ids, when, Entry, BACKUP_EVERY_MS,
};

fn entry(id: u32, saved: f64, name: &str) -> Entry {
    Entry {
        id,
        saved,
        name: name.to_string(),
    }
}

#[test]
fn the_list_round_trips_through_its_text_form() {
    let list = vec![
        entry(3, 1_763_800_000_000.0, "URL shortener, second try"),
        entry(1, 0.0, "My board"),
        entry(7, 1_700_000_000_123.0, "Chat: «fan-out» & <presence>"),
    ];
    assert_eq!(parse_index(&index_text(&list)), list);
}

#[test]
fn a_damaged_list_keeps_every_readable_line_and_drops_the_rest() {
    let text = "1\t100\tFirst\ngarbage\n2\tnot-a-time\tSecond\n\n3\t300\t  Third \t board  \n1\t400\tRepeated id\nx\t1\tBad id\n4\t5";
    let list = parse_index(text);
    assert_eq!(
        list,
        vec![entry(1, 100.0, "First"), entry(3, 300.0, "Third board")]
    );
}

#[test]
fn names_are_one_line_capped_and_never_empty() {
    assert_eq!(board_name("  two\nlines\there ", 4), "two lines here");
    assert_eq!(board_name(" \n\t", 9), "Board 9");
    let long = "x".repeat(200);
    assert_eq!(board_name(&long, 1).chars().count(), 80);
    // A name written to the list cannot break its line format.
    let list = vec![entry(1, 5.0, &board_name("a\tb\nc", 1))];
    assert_eq!(parse_index(&index_text(&list)), list);
}

#[test]
fn new_ids_are_never_taken() {
    assert_eq!(next_id(&[], &[]), 1);
    assert_eq!(next_id(&[entry(4, 0.0, "a"), entry(2, 0.0, "b")], &[]), 5);
    // A stored board missing from the list still holds its id.
    assert_eq!(next_id(&[entry(4, 0.0, "a")], &[9, 2]), 10);
}

#[test]
fn a_boards_parts_are_its_board_prompt_session_claims_and_backups_only() {
    let live = prefix(None);
    for (key, part) in [
        ("breadthfirst.board", Some("board")),
        ("breadthfirst.prompt", Some("prompt")),
        ("breadthfirst.session", Some("session")),
        (
            "breadthfirst.claims.url-shortener",
            Some("claims.url-shortener"),
        ),
        ("breadthfirst.backup.2", Some("backup.2")),
        ("breadthfirst.board.rev", None),
        ("breadthfirst.boards", None),
        ("breadthfirst.open", None),
        ("breadthfirst.boards.3.board", None),
        ("breadthfirst.rescued.123", None),
        ("other-app.board", None),
    ] {
        assert_eq!(part_of(key, &live), part, "{key}");
    }
    let slot = prefix(Some(3));
    assert_eq!(part_of("breadthfirst.boards.3.board", &slot), Some("board"));
    assert_eq!(
        part_of("breadthfirst.boards.3.session", &slot),
        Some("session")
    );
    assert_eq!(part_of("breadthfirst.boards.31.board", &slot), None);
    assert_eq!(part_of("breadthfirst.board", &slot), None);
}

#[test]
fn slots_are_found_from_their_keys() {
    let keys = [
        "breadthfirst.boards",
        "breadthfirst.boards.4.board",
        "breadthfirst.boards.4.session",
        "breadthfirst.boards.12.prompt",
        "breadthfirst.boards.x.board",
        "breadthfirst.board",
    ];
    assert_eq!(slot_ids(keys), vec![4, 12]);
}

#[test]
fn backups_rotate_every_ten_minutes_through_three_slots() {
    let t0 = 1_000_000_000.0;
    // Empty: the first slot.
    assert_eq!(backup_due(&[None, None, None], t0), Some(0));
    // Too soon after the newest.
    assert_eq!(
        backup_due(&[Some(t0), None, None], t0 + BACKUP_EVERY_MS - 1.0),
        None
    );
    // Due: the next empty slot.
    assert_eq!(
        backup_due(&[Some(t0), None, None], t0 + BACKUP_EVERY_MS),
        Some(1)
    );
    // Full: the oldest is replaced.
    let later = t0 + 10.0 * BACKUP_EVERY_MS;
    assert_eq!(
        backup_due(&[Some(t0 + 2.0), Some(t0), Some(t0 + 1.0)], later),
        Some(1)
    );
    // Simulated: a backup every save, saves every minute for two hours, keeps three
    // backups at least ten minutes apart.
    let mut slots = [None; 3];
    let mut now = t0;
    for _ in 0..120 {
        if let Some(slot) = backup_due(&slots, now) {
            slots[slot] = Some(now);
        }
        now += 60_000.0;
    }
    let mut times: Vec<f64> = slots.iter().flatten().copied().collect();
    times.sort_by(f64::total_cmp);
    assert_eq!(times.len(), 3);
    assert!(times.windows(2).all(|w| w[1] - w[0] >= BACKUP_EVERY_MS));
    assert!(now - times[2] <= BACKUP_EVERY_MS + 60_000.0);
}

#[test]
fn a_backup_keeps_its_time_count_and_board_text() {
    let json = "{\"format\":\"breadthfirst\",\n\"version\":1}";
    let text = backup_text(1_763_800_000_000.0, 12, json);
    assert_eq!(parse_backup(&text), Some((1_763_800_000_000.0, 12, json)));
    assert_eq!(parse_backup("no header"), None);
    assert_eq!(parse_backup("12\tx\n{}"), None);
}

#[test]
fn times_are_shown_in_local_civil_time() {
    assert_eq!(when(0.0, 0), "1970-01-01 00:00");
    // 2026-11-22 14:05 UTC.
    let ms = 1_795_356_300_000.0;
    assert_eq!(when(ms, 0), "2026-11-22 14:05");
    assert_eq!(when(ms, 60), "2026-11-22 15:05");
    assert_eq!(when(ms, -15 * 60), "2026-11-21 23:05");
    // Leap day and the turn of a century.
    assert_eq!(when(951_782_400_000.0, 0), "2000-02-29 00:00");
    assert_eq!(when(4_107_542_340_000.0, 0), "2100-02-28 23:59");
    assert_eq!(when(4_107_542_400_000.0, 0), "2100-03-01 00:00");
}

// ---- Planning actions over a simulated storage ----

use breadthfirst::core::persist::shelf::{
    plan, BackupRow, BoardRow, BoardsAction, Listing, Plan, ShelfRequest, INDEX_KEY, OPEN_KEY,
};
use breadthfirst::core::protocol::{decode, encode};
use std::collections::BTreeMap;

type Storage = BTreeMap<String, String>;

fn ask(storage: &Storage, action: BoardsAction, id: u32, name: &str) -> Plan {
    ask_after_delete(storage, action, id, name, "")
}

/// [`ask`] with the name of the board deleted last, whose undo the dialog offers.
fn ask_after_delete(
    storage: &Storage,
    action: BoardsAction,
    id: u32,
    name: &str,
    deleted: &str,
) -> Plan {
    plan(
        &ShelfRequest {
            action,
            id,
            name: name.into(),
            store: storage
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            now: 1_795_356_300_000.0,
            offset_min: 0,
            deleted: deleted.into(),
        },
        &[("url-shortener", "Design a URL shortener")],
    )
}

/// Applies a plan as the app does, returning the bytes stored at the fullest moment.
fn apply(storage: &mut Storage, plan: &Plan) -> usize {
    let size = |s: &Storage| s.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>();
    let mut peak = size(storage);
    for (key, value) in &plan.writes {
        match value {
            Some(v) => storage.insert(key.clone(), v.clone()),
            None => storage.remove(key),
        };
        peak = peak.max(size(storage));
    }
    peak
}

fn run(storage: &mut Storage, action: BoardsAction, id: u32, name: &str) -> Plan {
    let plan = ask(storage, action, id, name);
    apply(storage, &plan);
    plan
}

fn live_board(name: &str) -> Storage {
    let mut s = Storage::new();
    s.insert(
        "breadthfirst.board".into(),
        format!("{{\"board\":\"{name}\"}}"),
    );
    s.insert("breadthfirst.prompt".into(), "url-shortener".into());
    s.insert(
        "breadthfirst.session".into(),
        format!("{{\"session\":\"{name}\"}}"),
    );
    s.insert(
        "breadthfirst.claims.url-shortener".into(),
        "flow:redirect".into(),
    );
    s.insert(
        "breadthfirst.backup.0".into(),
        backup_text(
            1_795_356_000_000.0,
            4,
            &format!("{{\"backup\":\"{name}\"}}"),
        ),
    );
    s.insert("breadthfirst.board.rev".into(), "7".into());
    s
}

fn index(storage: &Storage) -> Vec<Entry> {
    parse_index(storage.get(INDEX_KEY).map_or("", String::as_str))
}

fn open_board(storage: &Storage) -> (u32, String) {
    let text = &storage[OPEN_KEY];
    let (id, name) = breadthfirst::core::persist::shelf::parse_open(text).unwrap();
    (id, name.to_string())
}

fn live_parts(storage: &Storage) -> BTreeMap<String, String> {
    storage
        .iter()
        .filter_map(|(k, v)| part_of(k, &prefix(None)).map(|p| (p.to_string(), v.clone())))
        .collect()
}

#[test]
fn a_first_start_lists_the_open_board_as_my_board_and_touches_nothing_else() {
    let mut storage = live_board("first");
    let before = live_parts(&storage);
    let plan = run(&mut storage, BoardsAction::Show, 0, "");
    assert!(plan.error.is_empty() && !plan.reload);
    assert_eq!(index(&storage), vec![entry(1, 0.0, "My board")]);
    assert_eq!(open_board(&storage), (1, "My board".to_string()));
    assert_eq!(plan.title, "My board");
    assert_eq!(live_parts(&storage), before);
    assert_eq!(storage["breadthfirst.board.rev"], "7");
    // What the board practises: its prompt, and that it holds a timed session.
    assert_eq!(
        plan.listing,
        Listing {
            boards: vec![BoardRow {
                id: 1,
                name: "My board".into(),
                practised: "Design a URL shortener · timed session".into(),
                saved: String::new(),
                open: true,
            }],
            backups: vec![BackupRow {
                slot: 0,
                when: "2026-11-22 14:00".into(),
                components: 4,
            }],
            deleted: None,
        }
    );
    // Showing again writes nothing.
    assert!(ask(&storage, BoardsAction::Show, 0, "").writes.is_empty());
}

#[test]
fn a_new_board_puts_the_open_one_away_whole_and_opens_empty() {
    let mut storage = live_board("first");
    run(&mut storage, BoardsAction::Show, 0, "");
    let first = live_parts(&storage);
    let plan = run(&mut storage, BoardsAction::New, 0, "");
    assert!(plan.reload);
    assert_eq!(open_board(&storage), (2, "Board 2".to_string()));
    assert!(live_parts(&storage).is_empty());
    for (part, text) in &first {
        assert_eq!(storage[&format!("breadthfirst.boards.1.{part}")], *text);
    }
    let list = index(&storage);
    assert_eq!(list[0].name, "Board 2");
    assert_eq!(list[1].id, 1);
    assert_eq!(list[1].saved, 1_795_356_300_000.0);
    // And back: the first board is live again, exactly, and its slot is empty.
    let plan = run(&mut storage, BoardsAction::Open, 1, "");
    assert!(plan.reload);
    assert_eq!(live_parts(&storage), first);
    assert!(!storage
        .keys()
        .any(|k| k.starts_with("breadthfirst.boards.1.")));
    assert_eq!(open_board(&storage).0, 1);
}

#[test]
fn opening_a_board_never_needs_room_for_two_whole_boards() {
    let mut storage = live_board("a");
    storage.insert("breadthfirst.board".into(), "x".repeat(100_000));
    run(&mut storage, BoardsAction::New, 0, "");
    storage.insert("breadthfirst.board".into(), "y".repeat(100_000));
    let size: usize = storage.iter().map(|(k, v)| k.len() + v.len()).sum();
    let plan = ask(&storage, BoardsAction::Open, 1, "");
    let peak = apply(&mut storage, &plan);
    assert!(peak < size + 100_100, "peak {peak} from {size}");
}

#[test]
fn duplicating_copies_every_part_but_the_backups_and_lists_the_copy_below() {
    let mut storage = live_board("first");
    run(&mut storage, BoardsAction::Show, 0, "");
    run(&mut storage, BoardsAction::Rename, 1, "URL shortener");
    let plan = run(&mut storage, BoardsAction::Duplicate, 1, "");
    assert!(!plan.reload && plan.error.is_empty());
    let list = index(&storage);
    assert_eq!(list[1].name, "URL shortener (copy)");
    let copy = list[1].id;
    for (part, text) in live_parts(&storage) {
        let copied = storage.get(&format!("breadthfirst.boards.{copy}.{part}"));
        if part.starts_with("backup.") {
            assert_eq!(copied, None);
        } else {
            assert_eq!(copied, Some(&text), "{part}");
        }
    }
}

#[test]
fn deleting_removes_a_put_away_board_and_its_undo_brings_it_back() {
    let mut storage = live_board("first");
    run(&mut storage, BoardsAction::New, 0, "");
    storage.insert("breadthfirst.board".into(), "{\"board\":\"second\"}".into());
    let before = storage.clone();
    let plan = ask(&storage, BoardsAction::Delete, 1, "");
    assert_eq!(plan.deleted, "My board");
    assert_eq!(
        plan.listing.deleted.as_deref(),
        Some("My board"),
        "undo offered"
    );
    assert!(plan.listing.boards.iter().all(|row| row.id != 1));
    // The app records what each write replaced and replays it backwards to undo.
    let mut undo = Vec::new();
    for (key, value) in &plan.writes {
        undo.push((key.clone(), storage.get(key).cloned()));
        match value {
            Some(v) => storage.insert(key.clone(), v.clone()),
            None => storage.remove(key),
        };
    }
    assert!(!storage
        .keys()
        .any(|k| k.starts_with("breadthfirst.boards.1.")));
    assert_eq!(index(&storage).len(), 1);
    for (key, value) in undo.into_iter().rev() {
        match value {
            Some(v) => storage.insert(key, v),
            None => storage.remove(&key),
        };
    }
    assert_eq!(storage, before);
}

#[test]
fn the_open_board_cannot_be_deleted_and_a_refused_action_writes_nothing() {
    let mut storage = live_board("first");
    run(&mut storage, BoardsAction::Show, 0, "");
    let plan = ask(&storage, BoardsAction::Delete, 1, "");
    assert!(plan.error.contains("open another board"));
    assert!(plan.writes.is_empty());
    let plan = ask(&storage, BoardsAction::Open, 42, "");
    assert!(plan.error.contains("no longer"));
    assert!(plan.writes.is_empty() && !plan.reload);
}

#[test]
fn renaming_normalises_and_renames_the_open_title() {
    let mut storage = live_board("first");
    run(&mut storage, BoardsAction::Show, 0, "");
    let plan = run(
        &mut storage,
        BoardsAction::Rename,
        1,
        "  Chat\tsystem\n v2 ",
    );
    assert_eq!(plan.title, "Chat system v2");
    assert_eq!(open_board(&storage).1, "Chat system v2");
    run(&mut storage, BoardsAction::Rename, 1, "   ");
    assert_eq!(index(&storage)[0].name, "Board 1");
}

#[test]
fn a_lost_list_is_rebuilt_from_the_stored_boards() {
    let mut storage = live_board("first");
    run(&mut storage, BoardsAction::New, 0, "");
    storage.insert("breadthfirst.board".into(), "{\"board\":\"second\"}".into());
    run(&mut storage, BoardsAction::New, 0, "");
    storage.insert(INDEX_KEY.into(), "garbage\n".into());
    run(&mut storage, BoardsAction::Show, 0, "");
    let list = index(&storage);
    let ids: Vec<u32> = list.iter().map(|e| e.id).collect();
    assert_eq!(ids, vec![3, 1, 2]);
    assert_eq!(list[1].name, "Recovered board 1");
    // A new board takes an id no stored board has, even one missing from the list.
    storage.insert(INDEX_KEY.into(), "3\t0\tThree\n".into());
    storage.remove(OPEN_KEY);
    let plan = run(&mut storage, BoardsAction::Show, 0, "");
    assert!(plan.error.is_empty());
    assert_eq!(open_board(&storage).0, 4, "the live board gets a fresh id");
}

#[test]
fn reclaiming_makes_this_tabs_board_open_again_without_a_reload() {
    let mut storage = live_board("mine");
    run(&mut storage, BoardsAction::New, 0, "");
    // Another tab opened board 2; this tab still shows board 1 and keeps its version.
    let plan = run(&mut storage, BoardsAction::Reclaim, 1, "My board");
    assert!(!plan.reload && plan.error.is_empty());
    assert_eq!(open_board(&storage).0, 1);
    assert_eq!(storage["breadthfirst.session"], "{\"session\":\"mine\"}");
    // A board deleted meanwhile is listed again under the name the tab knows.
    let mut storage = live_board("mine");
    run(&mut storage, BoardsAction::New, 0, "");
    run(&mut storage, BoardsAction::Delete, 1, "");
    run(&mut storage, BoardsAction::Reclaim, 1, "Kept");
    assert_eq!(open_board(&storage), (1, "Kept".to_string()));
}

#[test]
fn random_actions_never_lose_a_board() {
    let mut storage = live_board("b0");
    let mut rng = 0x2545_f491_u64;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    // Every board's text, by id: what must survive every action but its delete.
    let mut alive: BTreeMap<u32, String> = BTreeMap::new();
    alive.insert(1, storage["breadthfirst.board"].clone());
    run(&mut storage, BoardsAction::Show, 0, "");
    for step in 0..400 {
        let ids: Vec<u32> = index(&storage).iter().map(|e| e.id).collect();
        let id = ids[(next() % ids.len() as u64) as usize];
        let open = open_board(&storage).0;
        match next() % 6 {
            0 => {
                let plan = run(&mut storage, BoardsAction::New, 0, "");
                alive.insert(open_board(&storage).0, String::new());
                assert!(plan.reload);
            }
            1 => {
                run(&mut storage, BoardsAction::Open, id, "");
            }
            2 => {
                let before: Vec<u32> = ids.clone();
                run(&mut storage, BoardsAction::Duplicate, id, "");
                let new = index(&storage)
                    .iter()
                    .map(|e| e.id)
                    .find(|i| !before.contains(i))
                    .unwrap();
                let text = alive[&id].clone();
                alive.insert(new, text);
            }
            3 if id != open => {
                run(&mut storage, BoardsAction::Delete, id, "");
                alive.remove(&id);
            }
            4 => {
                run(
                    &mut storage,
                    BoardsAction::Rename,
                    id,
                    &format!("Board\t{step}"),
                );
            }
            _ => {
                // The user edits the open board.
                let text = format!("{{\"edit\":{step}}}");
                storage.insert("breadthfirst.board".into(), text.clone());
                alive.insert(open, text);
            }
        }
        let open = open_board(&storage).0;
        for (id, text) in &alive {
            let key = if *id == open {
                "breadthfirst.board".to_string()
            } else {
                format!("breadthfirst.boards.{id}.board")
            };
            assert_eq!(
                storage.get(&key).map_or("", String::as_str),
                text,
                "board {id} at step {step}"
            );
        }
        let listed: Vec<u32> = index(&storage).iter().map(|e| e.id).collect();
        assert_eq!(listed.len(), alive.len(), "step {step}");
        assert!(alive.keys().all(|id| listed.contains(id)));
    }
}

#[test]
fn the_listing_marks_only_the_open_board_open_and_says_when_the_others_were_saved() {
    let mut storage = live_board("first");
    run(&mut storage, BoardsAction::New, 0, "");
    // The new board practises a prompt, without a session; a third names a prompt
    // the library does not hold.
    storage.insert("breadthfirst.prompt".into(), "url-shortener".into());
    storage.insert("breadthfirst.boards.9.prompt".into(), "gone".into());
    let plan = ask(&storage, BoardsAction::Show, 0, "");
    assert!(plan.error.is_empty());
    let rows: Vec<(u32, &str, &str, &str, bool)> = plan
        .listing
        .boards
        .iter()
        .map(|r| {
            (
                r.id,
                r.name.as_str(),
                r.practised.as_str(),
                r.saved.as_str(),
                r.open,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                2,
                "Board 2",
                "Design a URL shortener",
                "2026-11-22 14:05",
                true
            ),
            (
                1,
                "My board",
                "Design a URL shortener · timed session",
                "2026-11-22 14:05",
                false
            ),
            (9, "Recovered board 9", "", "", false),
        ]
    );
    assert_eq!(plan.listing.boards.iter().filter(|r| r.open).count(), 1);
    // The open board's backups: the new board has none (the first one's stayed with it).
    assert!(plan.listing.backups.is_empty());
    assert_eq!(plan.listing.deleted, None);
}

#[test]
fn the_listing_gives_the_open_boards_backups_newest_first_with_their_counts() {
    let mut storage = live_board("first");
    for (slot, time, count) in [
        (0, 1_795_356_300_000.0, 3),
        (1, 1_795_357_500_000.0, 1),
        (2, 1_795_356_900_000.0, 5),
    ] {
        storage.insert(
            format!("breadthfirst.backup.{slot}"),
            backup_text(time, count, "{}"),
        );
    }
    let plan = ask(&storage, BoardsAction::Show, 0, "");
    let backups: Vec<(u32, &str, usize)> = plan
        .listing
        .backups
        .iter()
        .map(|b| (b.slot, b.when.as_str(), b.components))
        .collect();
    assert_eq!(
        backups,
        [
            (1, "2026-11-22 14:25", 1),
            (2, "2026-11-22 14:15", 5),
            (0, "2026-11-22 14:05", 3),
        ]
    );
}

#[test]
fn the_listing_offers_the_undo_of_the_board_deleted_last() {
    let mut storage = live_board("first");
    run(&mut storage, BoardsAction::Show, 0, "");
    let plan = ask_after_delete(&storage, BoardsAction::Show, 0, "", "Old <b>board</b>");
    assert_eq!(
        plan.listing.deleted.as_deref(),
        Some("Old <b>board</b>"),
        "the name as it was, for the app to show as text"
    );
    assert_eq!(
        ask(&storage, BoardsAction::Show, 0, "").listing.deleted,
        None
    );
}

#[test]
fn a_plan_survives_the_protocol_codec() {
    let plan = Plan {
        writes: vec![
            (
                "breadthfirst.board".into(),
                Some("12:{\"a\":\"é:ü\"}\n3:x".into()),
            ),
            ("breadthfirst.session".into(), None),
            ("k".into(), Some(String::new())),
        ],
        reload: true,
        title: "Chat «v2»".into(),
        listing: Listing {
            boards: vec![BoardRow {
                id: 3,
                name: "Chat «v2»".into(),
                practised: "Design a chat · timed session".into(),
                saved: "2026-11-22 14:05".into(),
                open: true,
            }],
            backups: vec![BackupRow {
                slot: 2,
                when: "2026-11-22 14:00".into(),
                components: 7,
            }],
            deleted: Some("Old".into()),
        },
        error: String::new(),
        deleted: "Old".into(),
    };
    let text = encode(&plan).unwrap();
    assert_eq!(decode::<Plan>(&text), Ok(plan));
    // Damaged text is an error, never a panic.
    for cut in 0..text.len() {
        if text.is_char_boundary(cut) {
            assert!(decode::<Plan>(&text[..cut]).is_err(), "cut at {cut}");
        }
    }
    // A request too, with every action.
    for action in BoardsAction::ALL {
        let req = ShelfRequest {
            action,
            id: 4,
            name: "a\tb".into(),
            store: vec![("breadthfirst.board".into(), "{}".into())],
            now: 1_795_356_300_000.0,
            offset_min: -90,
            deleted: "x".into(),
        };
        assert_eq!(decode::<ShelfRequest>(&encode(&req).unwrap()), Ok(req));
    }
}

#[test]
fn two_tabs_writing_over_one_revision_write_different_revisions() {
    use breadthfirst::core::persist::shelf::{next_revision, tab_id, TAB_BITS};
    let (a, b) = (tab_id(0.25), tab_id(0.75));
    assert_ne!(a, b);
    assert!(a < 1 << TAB_BITS && tab_id(0.999_999_9) < 1 << TAB_BITS);
    assert_eq!(
        tab_id(1.0),
        tab_id(0.0),
        "out of range folds into the id space"
    );
    // A revision stored before tab ids (a plain count) still counts up.
    let stored = 7;
    let (ra, rb) = (next_revision(stored, a), next_revision(stored, b));
    assert_ne!(ra, rb, "the overwritten tab sees a revision not its own");
    assert!(ra > stored && rb > stored);
    // Each save by one tab is a new value, newer than what it wrote over.
    let again = next_revision(ra, a);
    assert!(again > ra && again > rb);
    assert_eq!(next_revision(again, a) >> TAB_BITS, (again >> TAB_BITS) + 1);
}
