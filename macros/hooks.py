"""MkDocs hooks: thin glue. Every build step lives in a `diese.site` module (see its docstring)."""

from diese.site import gestionnaires


def _chainer(evenement: str, valeur_rendue: bool):
    def gestionnaire(*args, **kwargs):
        valeur = args[0] if args else None
        for fonction in gestionnaires(evenement):
            resultat = fonction(valeur, *args[1:], **kwargs) if args else fonction(**kwargs)
            if valeur_rendue and resultat is not None:
                valeur = resultat
        return valeur if valeur_rendue else None

    gestionnaire.__name__ = evenement
    return gestionnaire


# Events whose first argument is returned (possibly modified) by each handler.
on_config = _chainer("on_config", True)
on_files = _chainer("on_files", True)
on_nav = _chainer("on_nav", True)
on_env = _chainer("on_env", True)
on_page_markdown = _chainer("on_page_markdown", True)
on_page_content = _chainer("on_page_content", True)
on_post_page = _chainer("on_post_page", True)
on_post_template = _chainer("on_post_template", True)  # 404.html, sitemap.xml
# Events without a value to pass on.
on_pre_build = _chainer("on_pre_build", False)
on_post_build = _chainer("on_post_build", False)
on_serve = _chainer("on_serve", True)
