"""The « facile à lire et à comprendre » check: the same rules as the editor's indicator."""

from portal.easy_read import MAX_WORDS, EasyReadTextarea, check, sentences_of


def test_one_sentence_per_line_and_per_full_stop():
    text = "Nous aidons les familles.\nVenez le mardi. Appelez avant !\n\n"
    assert sentences_of(text) == ["Nous aidons les familles.", "Venez le mardi.", "Appelez avant !"]


def test_words_per_sentence_and_longest_sentence():
    result = check("Nous aidons les familles.\nVenez le mardi matin, de 9 h à 12 h.")
    assert result.sentences == 2
    assert result.words == 4 + 10
    assert result.longest == 10
    assert result.average == 7.0
    assert result.is_easy


def test_a_sentence_over_the_limit_is_named():
    long = " ".join(["mot"] * (MAX_WORDS + 1)) + "."
    result = check(f"Une phrase courte.\n{long}")
    assert result.longest == MAX_WORDS + 1
    assert result.long_sentences == [long]
    assert not result.is_easy


def test_acronyms_and_jargon_are_found_once_in_order():
    result = check("Demandez le RSA à la CAF.\nLa CAF vérifie votre éligibilité au dispositif.")
    assert result.acronyms == ["RSA", "CAF"]
    assert result.jargon == ["dispositif", "éligibilité"]
    assert not result.is_easy


def test_elided_and_hyphenated_words_count_once():
    assert check("L'accueil est au rez-de-chaussée.").words == 4


def test_empty_text():
    result = check("")
    assert (result.sentences, result.longest, result.average) == (0, 0, 0)


def test_the_widget_feeds_the_script_without_inline_code():
    html = EasyReadTextarea().render("easy_read", "Bonjour.", attrs={"id": "id_easy_read"})
    assert "data-easy-read" in html
    assert f'data-max-words="{MAX_WORDS}"' in html
    assert "dispositif|" in html
    assert "<script" not in html
    assert "js/easy-read.js" in str(EasyReadTextarea().media)
