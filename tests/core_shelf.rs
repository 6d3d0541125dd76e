//! Many boards: the list format, which keys are a board's parts, backup rotation, time
//! formatting and the Boards dialog's HTML.

use breadthfirst::core::persist::shelf::{
    backup_due, backup_text, board_name, index_text, next_id, parse_backup, parse_index, part_of,
    prefix, shelf_html, slot_ids, when, Entry, ShelfView, BACKUP_EVERY_MS,
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

fn view<'a>(
    entries: &'a [Entry],
    backups: &'a [(usize, f64, usize)],
    deleted: Option<&'a str>,
) -> ShelfView<'a> {
    ShelfView {
        entries,
        practised: &[],
        open: 1,
        backups,
        deleted,
        offset_min: 0,
    }
}

#[test]
fn the_dialog_offers_open_and_delete_for_other_boards_only() {
    let list = [
        entry(1, 0.0, "Mine"),
        entry(2, 1_795_356_300_000.0, "Other"),
    ];
    let html = shelf_html(&view(&list, &[], None));
    assert!(html.contains("data-open=\"2\""));
    assert!(html.contains("data-delete=\"2\""));
    assert!(!html.contains("data-open=\"1\""));
    assert!(!html.contains("data-delete=\"1\""));
    assert!(html.contains("data-duplicate=\"1\""));
    assert!(html.contains("data-duplicate=\"2\""));
    assert!(html.contains("Open now"));
    assert!(html.contains("2026-11-22 14:05"));
    assert!(html.contains("None yet"));
    assert!(!html.contains("data-undo"));
}

#[test]
fn the_dialog_escapes_names_and_lists_backups_newest_first() {
    let list = [entry(1, 0.0, "<script>alert(1)</script>\" onfocus=\"x")];
    let backups = [
        (0, 1_795_356_300_000.0, 3),
        (1, 1_795_357_500_000.0, 1),
        (2, 1_795_356_900_000.0, 5),
    ];
    let html = shelf_html(&view(&list, &backups, Some("<b>old</b>")));
    assert!(!html.contains("<script>"));
    assert!(!html.contains("\" onfocus"));
    assert!(!html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;"));
    assert!(html.contains("data-undo"));
    let order: Vec<usize> = [
        "data-restore=\"1\"",
        "data-restore=\"2\"",
        "data-restore=\"0\"",
    ]
    .iter()
    .map(|hook| html.find(hook).expect(hook))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(html.contains("1 component<"));
    assert!(html.contains("5 components<"));
}

// ---- Planning actions over a simulated storage ----

use breadthfirst::core::persist::shelf::{
    decode_fields, encode_plan, plan, Plan, ShelfRequest, INDEX_KEY, OPEN_KEY,
};
use std::collections::BTreeMap;

type Storage = BTreeMap<String, String>;

fn ask(storage: &Storage, action: &str, id: u32, name: &str) -> Plan {
    plan(
        &ShelfRequest {
            action: action.into(),
            id,
            name: name.into(),
            store: storage
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            now: 1_795_356_300_000.0,
            offset_min: 0,
            deleted: String::new(),
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

fn run(storage: &mut Storage, action: &str, id: u32, name: &str) -> Plan {
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
    let plan = run(&mut storage, "show", 0, "");
    assert!(plan.error.is_empty() && !plan.reload);
    assert_eq!(index(&storage), vec![entry(1, 0.0, "My board")]);
    assert_eq!(open_board(&storage), (1, "My board".to_string()));
    assert_eq!(plan.title, "My board");
    assert_eq!(live_parts(&storage), before);
    assert_eq!(storage["breadthfirst.board.rev"], "7");
    assert!(plan.html.contains("Open now"));
    assert!(plan.html.contains("data-restore=\"0\""));
    // What the board practises: its prompt, and that it holds a timed session.
    assert!(plan
        .html
        .contains("<small>Design a URL shortener · timed session</small>"));
    // Showing again writes nothing.
    assert!(ask(&storage, "show", 0, "").writes.is_empty());
}

#[test]
fn a_new_board_puts_the_open_one_away_whole_and_opens_empty() {
    let mut storage = live_board("first");
    run(&mut storage, "show", 0, "");
    let first = live_parts(&storage);
    let plan = run(&mut storage, "new", 0, "");
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
    let plan = run(&mut storage, "open", 1, "");
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
    run(&mut storage, "new", 0, "");
    storage.insert("breadthfirst.board".into(), "y".repeat(100_000));
    let size: usize = storage.iter().map(|(k, v)| k.len() + v.len()).sum();
    let plan = ask(&storage, "open", 1, "");
    let peak = apply(&mut storage, &plan);
    assert!(peak < size + 100_100, "peak {peak} from {size}");
}

#[test]
fn duplicating_copies_every_part_but_the_backups_and_lists_the_copy_below() {
    let mut storage = live_board("first");
    run(&mut storage, "show", 0, "");
    run(&mut storage, "rename", 1, "URL shortener");
    let plan = run(&mut storage, "duplicate", 1, "");
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
    run(&mut storage, "new", 0, "");
    storage.insert("breadthfirst.board".into(), "{\"board\":\"second\"}".into());
    let before = storage.clone();
    let plan = ask(&storage, "delete", 1, "");
    assert_eq!(plan.deleted, "My board");
    assert!(plan.html.contains("data-undo"));
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
    run(&mut storage, "show", 0, "");
    let plan = ask(&storage, "delete", 1, "");
    assert!(plan.error.contains("open another board"));
    assert!(plan.writes.is_empty());
    let plan = ask(&storage, "open", 42, "");
    assert!(plan.error.contains("no longer"));
    assert!(plan.writes.is_empty() && !plan.reload);
}

#[test]
fn renaming_normalises_and_renames_the_open_title() {
    let mut storage = live_board("first");
    run(&mut storage, "show", 0, "");
    let plan = run(&mut storage, "rename", 1, "  Chat\tsystem\n v2 ");
    assert_eq!(plan.title, "Chat system v2");
    assert_eq!(open_board(&storage).1, "Chat system v2");
    run(&mut storage, "rename", 1, "   ");
    assert_eq!(index(&storage)[0].name, "Board 1");
}

#[test]
fn a_lost_list_is_rebuilt_from_the_stored_boards() {
    let mut storage = live_board("first");
    run(&mut storage, "new", 0, "");
    storage.insert("breadthfirst.board".into(), "{\"board\":\"second\"}".into());
    run(&mut storage, "new", 0, "");
    storage.insert(INDEX_KEY.into(), "garbage\n".into());
    run(&mut storage, "show", 0, "");
    let list = index(&storage);
    let ids: Vec<u32> = list.iter().map(|e| e.id).collect();
    assert_eq!(ids, vec![3, 1, 2]);
    assert_eq!(list[1].name, "Recovered board 1");
    // A new board takes an id no stored board has, even one missing from the list.
    storage.insert(INDEX_KEY.into(), "3\t0\tThree\n".into());
    storage.remove(OPEN_KEY);
    let plan = run(&mut storage, "show", 0, "");
    assert!(plan.error.is_empty());
    assert_eq!(open_board(&storage).0, 4, "the live board gets a fresh id");
}

#[test]
fn reclaiming_makes_this_tabs_board_open_again_without_a_reload() {
    let mut storage = live_board("mine");
    run(&mut storage, "new", 0, "");
    // Another tab opened board 2; this tab still shows board 1 and keeps its version.
    let plan = run(&mut storage, "reclaim", 1, "My board");
    assert!(!plan.reload && plan.error.is_empty());
    assert_eq!(open_board(&storage).0, 1);
    assert_eq!(storage["breadthfirst.session"], "{\"session\":\"mine\"}");
    // A board deleted meanwhile is listed again under the name the tab knows.
    let mut storage = live_board("mine");
    run(&mut storage, "new", 0, "");
    run(&mut storage, "delete", 1, "");
    run(&mut storage, "reclaim", 1, "Kept");
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
    run(&mut storage, "show", 0, "");
    for step in 0..400 {
        let ids: Vec<u32> = index(&storage).iter().map(|e| e.id).collect();
        let id = ids[(next() % ids.len() as u64) as usize];
        let open = open_board(&storage).0;
        match next() % 6 {
            0 => {
                let plan = run(&mut storage, "new", 0, "");
                alive.insert(open_board(&storage).0, String::new());
                assert!(plan.reload);
            }
            1 => {
                run(&mut storage, "open", id, "");
            }
            2 => {
                let before: Vec<u32> = ids.clone();
                run(&mut storage, "duplicate", id, "");
                let new = index(&storage)
                    .iter()
                    .map(|e| e.id)
                    .find(|i| !before.contains(i))
                    .unwrap();
                let text = alive[&id].clone();
                alive.insert(new, text);
            }
            3 if id != open => {
                run(&mut storage, "delete", id, "");
                alive.remove(&id);
            }
            4 => {
                run(&mut storage, "rename", id, &format!("Board\t{step}"));
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
fn a_plan_survives_its_text_form() {
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
        html: "<p>12:34</p>".into(),
        error: String::new(),
        deleted: "Old".into(),
    };
    let text = encode_plan(&plan);
    let fields = decode_fields(&text);
    assert_eq!(
        fields,
        vec![
            "r",
            "Chat «v2»",
            "",
            "Old",
            "<p>12:34</p>",
            "breadthfirst.board",
            "=12:{\"a\":\"é:ü\"}\n3:x",
            "breadthfirst.session",
            "-",
            "k",
            "="
        ]
    );
    // Damaged text gives the fields before the damage, never a panic.
    for cut in 0..text.len() {
        if text.is_char_boundary(cut) {
            assert!(decode_fields(&text[..cut]).len() <= fields.len());
        }
    }
    assert_eq!(decode_fields("99:short"), Vec::<&str>::new());
}
