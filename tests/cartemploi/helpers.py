import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter


def jpeg_with_exif(size=(1600, 1200)):
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x8825] = {2: (45.0, 57.0, 0.0)}  # GPSInfo
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile("moi.jpg", out.getvalue(), content_type="image/jpeg")


def pdf_file():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return SimpleUploadedFile("cv.pdf", out.getvalue(), content_type="application/pdf")


def fake_pdf():
    return SimpleUploadedFile("cv.pdf", b"%PDF-1.4 this is not really a pdf", "application/pdf")


def youth_post(place, **overrides):
    data = {
        "first_name": "Camille",
        "birth_date": "2006-03-14",
        "commune": place.name,
        "mobility_km": "25",
        "motivations": "J'aime travailler dehors.",
        "looking_for": ["job"],
        "sectors": ["A"],
        "availability": "Tout de suite",
        "skills-TOTAL_FORMS": "3",
        "skills-INITIAL_FORMS": "0",
        "skills-MIN_NUM_FORMS": "0",
        "skills-MAX_NUM_FORMS": "1000",
        "skills-0-label": "Taille de haies",
        "skills-0-level": "experience",
        "skills-1-label": "",
        "skills-1-level": "declared",
        "skills-2-label": "",
        "skills-2-level": "declared",
    }
    data.update(overrides)
    return data
