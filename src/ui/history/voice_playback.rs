//! The think-aloud recording in the Review's replay (issue 17): each segment's
//! chunks, read from IndexedDB, become one audio element (not in the page), and the
//! segment under the replay's position plays from the matching offset while the
//! replay plays at 1x or 2x (faster is not speech any more). How long it is and the
//! storage it takes are shown, and it can be deleted.

use super::hub::Hub;
use super::transcript_view::TranscriptPanel;
use crate::browser::dom;
use crate::browser::history_db::{Store, Write};
use crate::core::export::replay::AudioClip;
use crate::core::history::recording::{segment_keys, size_text, Recording};
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The replay may drift this far from the audio before the audio is moved, in
/// seconds.
const DRIFT_S: f64 = 0.35;
/// Fastest replay the voice plays along with.
const VOICE_SPEED: u32 = 2;

/// A recording made ready to play: its segments and an audio element for each.
struct Loaded {
    recording: Recording,
    blobs: Vec<web_sys::Blob>,
    players: Vec<web_sys::HtmlAudioElement>,
    urls: Vec<String>,
}

impl Loaded {
    fn pause_all(&self) {
        for p in &self.players {
            let _ = p.pause();
        }
    }

    fn release(&self) {
        self.pause_all();
        for url in &self.urls {
            let _ = web_sys::Url::revoke_object_url(url);
        }
    }
}

/// Reads `id`'s recording and its audio (with an audio element for each segment
/// when `players`); `None` when there is none.
async fn load(hub: Hub, id: &str, players_too: bool) -> Result<Option<Loaded>, String> {
    let db = hub.ready().await?;
    let Some(text) = db
        .get(Store::Recordings, id)
        .await
        .map_err(|e| e.to_string())?
    else {
        return Ok(None);
    };
    let recording = Recording::from_json(&text)?;
    let (mut blobs, mut players, mut urls) = (Vec::new(), Vec::new(), Vec::new());
    for (n, segment) in recording.segments.iter().enumerate() {
        let (from, to) = segment_keys(id, n);
        let chunks = db
            .values(Store::Audio, &from, &to)
            .await
            .map_err(|e| e.to_string())?;
        let parts = js_sys::Array::new();
        for chunk in chunks {
            parts.push(&chunk);
        }
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(&segment.mime);
        let blob = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &options)
            .map_err(|_| "the audio could not be put together".to_string())?;
        if players_too {
            let url = web_sys::Url::create_object_url_with_blob(&blob)
                .map_err(|_| "the audio could not be opened".to_string())?;
            let player = web_sys::HtmlAudioElement::new_with_src(&url)
                .map_err(|_| "this browser cannot play the audio".to_string())?;
            player.set_preload("auto");
            players.push(player);
            urls.push(url);
        }
        blobs.push(blob);
    }
    Ok(Some(Loaded {
        recording,
        blobs,
        players,
        urls,
    }))
}

/// The voice of the session `id` along the replay: `position` (session ms),
/// `playing` and `speed` are the replay's.
#[component]
pub fn VoiceTrack(
    id: String,
    position: RwSignal<f64>,
    playing: RwSignal<bool>,
    speed: RwSignal<u32>,
) -> impl IntoView {
    let hub = expect_context::<Hub>();
    let loaded = StoredValue::new_local(None::<Loaded>);
    let state = RwSignal::new(None::<Result<Option<(f64, u64)>, String>>);
    let transcript = RwSignal::new(None);
    let on = RwSignal::new(true);
    // Whether a segment is playing now (`data-playing`, for the eye and for tests).
    let sounding = RwSignal::new(false);
    let key = id.clone();
    // Read now, and again whenever this recording is stored or deleted (the last
    // chunk comes after the recorder stops; History's Your data may delete it), not
    // when another is (a session recording while a past attempt is open).
    Effect::new(move |read: Option<()>| {
        let ours = hub
            .voice
            .changed
            .with(|c| c.as_deref() == Some(key.as_str()));
        if read.is_some() && !ours {
            return;
        }
        let key = key.clone();
        leptos::task::spawn_local(async move {
            let result = load(hub, &key, true).await;
            loaded.with_value(|l| {
                if let Some(l) = l {
                    l.release();
                }
            });
            loaded.set_value(None);
            state.set(Some(result.map(|found| {
                found.map(|l| {
                    let figures = (l.recording.duration_ms(), l.recording.bytes());
                    transcript.set(Some(l.recording.transcript.clone()));
                    loaded.set_value(Some(l));
                    figures
                })
            })));
        });
    });
    on_cleanup(move || {
        loaded.with_value(|l| {
            if let Some(l) = l {
                l.release();
            }
        });
    });
    // Follows the replay: the segment under the position plays from its offset.
    Effect::new(move |_| {
        let at = position.get();
        let audible = playing.get() && on.get() && speed.get() <= VOICE_SPEED;
        let rate = f64::from(speed.get());
        state.track();
        loaded.with_value(|l| {
            let Some(l) = l else { return };
            let here = l.recording.at(at).filter(|_| audible);
            let playing_now = here.is_some_and(|(n, _)| l.players.get(n).is_some());
            if sounding.get_untracked() != playing_now {
                sounding.set(playing_now);
            }
            for (n, player) in l.players.iter().enumerate() {
                match here {
                    Some((m, offset)) if m == n => {
                        let want = offset / 1000.0;
                        player.set_playback_rate(rate);
                        if player.paused() || (player.current_time() - want).abs() > DRIFT_S {
                            player.set_current_time(want);
                        }
                        if player.paused() {
                            play(player);
                        }
                    }
                    _ => {
                        if !player.paused() {
                            let _ = player.pause();
                        }
                    }
                }
            }
        });
    });
    let delete_id = id.clone();
    let delete = move |_| {
        if !dom::confirm("Delete this session's voice recording? It cannot be brought back.") {
            return;
        }
        let id = delete_id.clone();
        leptos::task::spawn_local(async move {
            match delete_recording(hub, &id).await {
                Ok(()) => {
                    loaded.with_value(|l| {
                        if let Some(l) = l {
                            l.release();
                        }
                    });
                    loaded.set_value(None);
                    state.set(Some(Ok(None)));
                }
                Err(why) => state.set(Some(Err(format!("The recording was not deleted: {why}.")))),
            }
        });
    };
    move || {
        match state.get() {
        None => None,
        Some(Err(why)) => Some(view! { <p class="hint" role="alert">{why}</p> }.into_any()),
        Some(Ok(None)) => None,
        Some(Ok(Some((ms, bytes)))) => Some(
            view! {
                <div
                    class="replay-voice"
                    data-testid="replay-voice"
                    data-playing=move || sounding.get().to_string()
                >
                    <span>
                        {format!(
                            "Your voice: {} recorded ({} in this browser)",
                            crate::core::history::clock(ms),
                            size_text(bytes)
                        )}
                    </span>
                    <label>
                        <input
                            type="checkbox"
                            prop:checked=move || on.get()
                            on:change=move |ev| on.set(event_target_checked(&ev))
                        />
                        " Play it with the replay (1x and 2x)"
                    </label>
                    <button type="button" class="secondary" on:click=delete.clone()>
                        "Delete recording"
                    </button>
                </div>
                {transcript.get().map(|t| view! { <TranscriptPanel transcript=t position=position /> })}
            }
            .into_any(),
        ),
    }
    }
}

/// Starts `player`. A refusal (the browser's autoplay rule, audio it cannot decode)
/// leaves the replay silent rather than raising an error in the page.
fn play(player: &web_sys::HtmlAudioElement) {
    if let Ok(started) = player.play() {
        let ignore = wasm_bindgen::closure::Closure::once(|_: wasm_bindgen::JsValue| {});
        let _ = started.catch(&ignore);
        // Freed when called; a play that starts never calls it (a few bytes).
        ignore.forget();
    }
}

/// `id`'s recording as clips to embed in a shared replay: each segment's audio as
/// base64, read by the browser's own encoder (a data URL); empty when there is none.
pub async fn clips(hub: Hub, id: &str) -> Result<Vec<AudioClip>, String> {
    // The blobs alone: no audio element loads what is only read.
    let Some(loaded) = load(hub, id, false).await? else {
        return Ok(Vec::new());
    };
    let mut clips = Vec::new();
    for (segment, blob) in loaded.recording.segments.iter().zip(&loaded.blobs) {
        let data = data_url(blob).await?;
        let base64 = data.split_once(",").map_or("", |(_, b)| b).to_string();
        clips.push(AudioClip {
            start_ms: segment.start_ms,
            mime: segment.mime.clone(),
            base64,
        });
    }
    Ok(clips)
}

/// `blob` as a data URL, by the browser's FileReader.
async fn data_url(blob: &web_sys::Blob) -> Result<String, String> {
    let reader = web_sys::FileReader::new().map_err(|_| "no file reader")?;
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        reader.set_onload(Some(&resolve));
        reader.set_onerror(Some(&reject));
    });
    reader
        .read_as_data_url(blob)
        .map_err(|_| "the recording could not be read")?;
    JsFuture::from(done)
        .await
        .map_err(|_| "the recording could not be read")?;
    reader
        .result()
        .ok()
        .and_then(|r| r.as_string())
        .ok_or_else(|| "the recording could not be read".to_string())
}

/// Deletes the recording `id`: its audio and what is known of it.
pub async fn delete_recording(hub: Hub, id: &str) -> Result<(), String> {
    let last = segment_keys(id, 999).1;
    let batch = vec![
        Write::DeleteRange(Store::Audio, format!("{id}/"), last),
        Write::Delete(Store::Recordings, id.to_string()),
    ];
    let db = hub.ready().await?;
    db.write(&batch).await.map_err(|e| e.to_string())?;
    hub.voice.forget(id);
    Ok(())
}
