//! Where the product was made, on a small map drawn here: a schematic
//! outline of Vietnam with a pin, and an inset of the surrounding area with
//! reference cities. No tile server, no outside request.

use tracecheck_core::credential::GeoPoint;
use yew::prelude::*;

use crate::i18n::number::fixed;
use crate::i18n::{Lang, Msg};

/// Vietnam's outline, schematic: (latitude, longitude) of prominent border
/// and coastal points, clockwise from Lũng Cú. Accurate to a few tens of km,
/// which is what a 200-pixel map can show.
const OUTLINE: &[(f64, f64)] = &[
    (23.39, 105.33),
    (22.95, 106.05),
    (22.85, 106.72),
    (22.35, 106.65),
    (21.85, 106.76),
    (21.55, 107.55),
    (21.52, 108.02),
    (21.0, 107.4),
    (20.86, 106.72),
    (20.5, 106.6),
    (20.2, 106.35),
    (19.8, 105.95),
    (19.2, 105.75),
    (18.7, 105.75),
    (18.1, 106.45),
    (17.47, 106.62),
    (16.9, 107.1),
    (16.46, 107.6),
    (16.05, 108.22),
    (15.4, 108.8),
    (14.6, 109.05),
    (13.77, 109.23),
    (13.08, 109.3),
    (12.24, 109.2),
    (11.9, 109.15),
    (11.56, 109.02),
    (11.2, 108.7),
    (10.93, 108.1),
    (10.55, 107.6),
    (10.35, 107.08),
    (10.3, 106.75),
    (9.95, 106.6),
    (9.6, 106.5),
    (9.3, 106.2),
    (9.15, 105.75),
    (8.6, 104.75),
    (9.2, 104.8),
    (10.0, 105.08),
    (10.38, 104.48),
    (10.7, 105.05),
    (10.95, 105.8),
    (11.6, 106.1),
    (12.0, 106.45),
    (12.3, 107.55),
    (13.0, 107.5),
    (14.3, 107.45),
    (14.7, 107.55),
    (15.5, 107.3),
    (16.2, 107.0),
    (16.55, 106.6),
    (17.3, 106.2),
    (17.9, 105.7),
    (18.5, 105.15),
    (19.1, 104.4),
    (19.65, 104.05),
    (20.2, 104.45),
    (20.75, 104.2),
    (21.3, 102.9),
    (21.7, 102.65),
    (22.4, 102.14),
    (22.75, 102.95),
    (22.5, 103.97),
    (22.9, 104.4),
    (23.1, 104.9),
];

/// Cities drawn in the inset as landmarks, with the label on their right
/// (`true`) or, where a neighbour's label would collide, on their left.
const CITIES: &[(&str, f64, f64, bool)] = &[
    ("Hà Nội", 21.028, 105.834, true),
    ("Hải Phòng", 20.845, 106.688, true),
    ("Hưng Yên", 20.646, 106.051, true),
    ("Thái Bình", 20.447, 106.336, true),
    ("Nam Định", 20.420, 106.168, false),
    ("Bắc Ninh", 21.186, 106.076, true),
    ("Hải Dương", 20.937, 106.315, true),
    ("Huế", 16.463, 107.585, true),
    ("Đà Nẵng", 16.054, 108.202, true),
    ("TP. Hồ Chí Minh", 10.776, 106.700, true),
    ("Cần Thơ", 10.045, 105.747, true),
];

/// A projection of a lat/lon box onto a `width`×`height` box (equirectangular,
/// with longitude shrunk by cos(latitude) so shapes are not stretched).
struct Frame {
    north: f64,
    west: f64,
    scale: f64,
    shrink: f64,
}

impl Frame {
    fn new(south: f64, north: f64, west: f64, east: f64, width: f64, height: f64) -> Frame {
        let shrink = ((south + north) / 2.0).to_radians().cos();
        let scale = (width / ((east - west) * shrink)).min(height / (north - south));
        Frame {
            north,
            west,
            scale,
            shrink,
        }
    }

    fn point(&self, lat: f64, lon: f64) -> (f64, f64) {
        (
            (lon - self.west) * self.shrink * self.scale,
            (self.north - lat) * self.scale,
        )
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub location: GeoPoint,
    /// The place's name, for the map's text alternative.
    pub name: String,
    /// Kiosk: no link may lead away from the page.
    #[prop_or_default]
    pub no_links: bool,
}

#[function_component]
pub fn OriginMap(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let GeoPoint {
        latitude,
        longitude,
    } = props.location;
    let country = Frame::new(8.4, 23.5, 102.0, 109.6, 110.0, 220.0);
    let outline: String = OUTLINE
        .iter()
        .map(|&(lat, lon)| {
            let (x, y) = country.point(lat, lon);
            format!("{},{}", fixed(x, 1), fixed(y, 1))
        })
        .collect::<Vec<_>>()
        .join(" ");
    let (px, py) = country.point(latitude, longitude);

    // The inset: ±0.45° around the place.
    let span = 0.45;
    let inset = Frame::new(
        latitude - span,
        latitude + span,
        longitude - span,
        longitude + span,
        170.0,
        170.0,
    );
    let (ix, iy) = inset.point(latitude, longitude);
    let landmarks = CITIES
        .iter()
        .filter(|(_, lat, lon, _)| (lat - latitude).abs() < span && (lon - longitude).abs() < span);
    let description = lang.t(Msg::MapAlt(
        props.name.clone(),
        lang.coordinates(latitude, longitude),
    ));
    html! {
        <figure class="origin-map">
            <svg viewBox="0 0 320 230" role="img" aria-label={description.clone()}>
                <title>{description}</title>
                <g transform="translate(8,5)">
                    <polygon class="land" points={outline} />
                    <circle class="pin" cx={fixed(px, 1)} cy={fixed(py, 1)} r="4" />
                </g>
                <g transform="translate(140,25)">
                    <rect class="inset" x="0" y="0" width="172" height="172" rx="6" />
                    { for landmarks.map(|(name, lat, lon, right)| {
                        let (x, y) = inset.point(*lat, *lon);
                        let (dx, anchor) = if *right { (4.0, "start") } else { (-4.0, "end") };
                        html! {
                            <g class="city">
                                <circle cx={fixed(x, 1)} cy={fixed(y, 1)} r="2.5" />
                                <text x={fixed(x + dx, 1)} y={fixed(y - 3.0, 1)} text-anchor={anchor}>{*name}</text>
                            </g>
                        }
                    }) }
                    <path class="pin" d={pin_path(ix, iy)} />
                    // A 10 km scale bar (one degree of latitude is about 111 km).
                    <line class="scale" x1="8" y1="162" x2={fixed(8.0 + inset.scale * 10.0 / 111.0, 1)} y2="162" />
                    <text class="scale" x="8" y="156">{"10 km"}</text>
                </g>
            </svg>
            <figcaption>
                {lang.coordinates(latitude, longitude)}
                if !props.no_links {
                    {" · "}
                    // The phone's own map app, not a third-party request from here.
                    <a href={format!("geo:{},{}", fixed(latitude, 5), fixed(longitude, 5))}>{lang.t(Msg::OpenInMaps)}</a>
                }
            </figcaption>
        </figure>
    }
}

/// A map-pin shape with its point at (x, y).
fn pin_path(x: f64, y: f64) -> String {
    format!(
        "M{},{} c-3,-7 -9,-11 -9,-17 a9,9 0 1 1 18,0 c0,6 -6,10 -9,17 z",
        fixed(x, 1),
        fixed(y, 1)
    )
}
