// A camera for every engine: a page-side replacement of getUserMedia whose
// stream is a canvas (`captureStream`) painting a QR code, so the widget's
// real camera path — video element, frame grabbing, the decoder worker —
// runs in Firefox and WebKit too, where no driver can feed a video file.
// Install it with `server.inject(standInCamera, pictures)` where each
// picture is a `qrPicture(text)`; `window.__standInCamera.show(i)` switches
// to picture i (the kiosk's "next product"); a null picture shows no code.

/** Runs in the page (serialised by the proxy): no outer variables. */
export function standInCamera(pictures) {
  const size = { width: 640, height: 480 };
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext("2d");
  // A null picture is an empty view (no code in front of the camera).
  const images = pictures.map((picture) => {
    if (!picture) return null;
    const { width, height, luma } = picture;
    const grey = Uint8Array.from(atob(luma), (c) => c.charCodeAt(0));
    const image = context.createImageData(width, height);
    for (let i = 0; i < grey.length; i++) {
      image.data.set([grey[i], grey[i], grey[i], 255], i * 4);
    }
    return image;
  });
  let showing = 0;
  let tick = 0;
  const paint = () => {
    // Every frame differs by one pixel, so captureStream keeps sending frames.
    context.fillStyle = "#fff";
    context.fillRect(0, 0, size.width, size.height);
    const image = images[showing];
    if (image) context.putImageData(image, (size.width - image.width) >> 1, (size.height - image.height) >> 1);
    context.fillStyle = tick++ % 2 ? "#fefefe" : "#fdfdfd";
    context.fillRect(0, 0, 1, 1);
  };
  paint();
  setInterval(paint, 66);
  const stream = canvas.captureStream(15);
  const handedOut = [];
  window.__standInCamera = {
    show(index) {
      showing = index;
    },
    started: 0,
    /** Tracks handed to the page that are still running (the camera light on). */
    live: () => handedOut.flatMap((s) => s.getTracks()).filter((t) => t.readyState === "live").length,
  };
  // On the prototype: WebKit may hand out a fresh navigator.mediaDevices.
  const devices = window.MediaDevices?.prototype ?? navigator.mediaDevices ?? {};
  devices.getUserMedia = async (constraints) => {
    if (!constraints?.video) throw new DOMException("stand-in camera: video only", "NotFoundError");
    window.__standInCamera.started++;
    const given = stream.clone();
    handedOut.push(given);
    return given;
  };
  devices.enumerateDevices = async () => [
    { kind: "videoinput", deviceId: "stand-in", groupId: "stand-in", label: "Stand-in camera (back)", toJSON() {} },
  ];
  if (!navigator.mediaDevices) Object.defineProperty(navigator, "mediaDevices", { value: devices, configurable: true });
}
