use yew::prelude::*;

use crate::components::camera_scanner::CameraScanner;
use crate::components::manual_entry::ManualEntry;
use crate::components::photo_picker::PhotoPicker;
use crate::components::recent_scans::RecentScans;
use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_code: Callback<String>,
}

/// Scan with the camera, pick a photo, or type a code.
#[function_component]
pub fn ScanPage(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    html! {
        <div class="scan-page">
            <h1>{lang.t(Msg::ScanHeading)}</h1>
            <CameraScanner on_code={props.on_code.clone()} />
            <PhotoPicker on_code={props.on_code.clone()} />
            <ManualEntry on_code={props.on_code.clone()} />
            <RecentScans on_code={props.on_code.clone()} />
        </div>
    }
}
